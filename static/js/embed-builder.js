// The embed code builder (news/embed_builder.py): the code and the preview follow the form
// while the editor chooses, without submitting. The query string mirrors news.embed's
// embed_query (filters in the calendar's order, limit only when not the default); a
// language change submits the form, since the topics differ per language.
(function () {
  "use strict";
  var form = document.querySelector("[data-embed-builder]");
  if (!form) return;
  var code = document.querySelector("[data-embed-code]");
  var preview = document.querySelector("[data-embed-preview]");
  var link = document.querySelector("[data-embed-link]");
  var copy = document.querySelector("[data-embed-copy]");
  var copied = document.querySelector("[data-embed-copied]");
  var FILTERS = ["topic", "district", "attendance", "status"];

  function escapeAttribute(value) {
    return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function field(name) {
    return form.elements.namedItem(name);
  }

  function update() {
    if (!code || !preview) return;
    var limit = field("limit");
    var height = field("height");
    if (!limit.checkValidity() || !height.checkValidity()) return;
    var params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      var element = field(name);
      if (element && element.value) params.append(name, element.value);
    });
    if (limit.value !== form.dataset.limitDefault) params.append("limit", String(Number(limit.value)));
    var language = field("language").value;
    var path = form.dataset["paths" + language.charAt(0).toUpperCase() + language.slice(1)];
    var query = params.toString();
    var relative = query ? path + "?" + query : path;
    var absolute = form.dataset.origin + relative;
    code.value = '<iframe src="' + escapeAttribute(absolute) + '" title="' + escapeAttribute(code.dataset.title) +
      '" width="100%" height="' + Number(height.value) + '" loading="lazy" style="border:0"></iframe>';
    if (preview.getAttribute("src") !== relative) preview.setAttribute("src", relative);
    preview.setAttribute("height", String(Number(height.value)));
    if (link) {
      link.href = absolute;
      link.textContent = absolute;
    }
    if (copied) copied.textContent = "";
  }

  form.addEventListener("change", function (event) {
    if (event.target.name === "language") {
      form.requestSubmit();
      return;
    }
    update();
  });
  form.addEventListener("input", function (event) {
    if (event.target.name === "limit" || event.target.name === "height") update();
  });

  if (copy && code && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      navigator.clipboard.writeText(code.value).then(function () {
        copied.textContent = copied.dataset.message;
      });
    });
  }
})();
