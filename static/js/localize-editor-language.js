/*
 * wagtail-localize's translation editor in the admin's language (home/translation/
 * editor_language.py): its React bundle (1.14.5) writes "<source> to <target> translation"
 * and "More actions" as English literals. The words in the admin's language come from this
 * script's data attributes; the locale names from the editor's own props. Wagtail outputs
 * this script before the editor's markup, so it starts once the document is parsed; React
 * re-renders parts of the editor (tabs, segments), so a MutationObserver keeps the words.
 */
(() => {
  const script = document.currentScript;
  if (!script) return;

  const start = () => {
    const editor = document.querySelector(".js-translation-editor");
    if (!editor) return;
    const props = JSON.parse(editor.dataset.props || "{}");
    const texts = new Map([["More actions", script.dataset.moreActions]]);
    if (props.sourceLocale && props.locale) {
      const source = props.sourceLocale.displayName;
      const target = props.locale.displayName;
      texts.set(
        `${source} to ${target} translation`,
        script.dataset.heading.replace("{source}", source).replace("{target}", target),
      );
    }
    const translate = () => {
      const walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = texts.get(node.nodeValue.trim());
        if (text !== undefined && text !== node.nodeValue) node.nodeValue = text;
      }
    };
    translate();
    new MutationObserver(translate).observe(editor, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
