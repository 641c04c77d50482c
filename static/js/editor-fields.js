/*
 * Character counters and a search-result preview for the admin's edit forms (issue 21).
 *
 * Why: a field's maxlength lets the browser cut pasted text without a word (a 1,400
 * character title arrived as 255). Here each text field with a limit shows "123 / 255",
 * warns in words from 90 % of the limit (in a polite live region, so screen readers hear it
 * once per change of state, not per key), and the browser's hard cut is lifted: too long a
 * text stays visible, marked as too long, and the server refuses it with a field error.
 * Limits come from the field's maxlength, or from the publishing rules for fields without
 * one (the search description), passed in by home.editorial.editor_fields.
 *
 * Without JavaScript the fields keep their maxlength and the server's checks still apply.
 */
(function () {
  "use strict";

  var configElement = document.getElementById("portal-editor-fields");
  if (!configElement) return;
  var config = JSON.parse(configElement.textContent);
  var texts = config.texts;
  var counted = new WeakSet();
  var serial = 0;

  function format(template, values) {
    return template.replace(/%\((\w+)\)s/g, function (match, key) {
      return key in values ? String(values[key]) : match;
    });
  }

  function editForm(element) {
    return element.closest("form[data-edit-form]");
  }

  function limitOf(field) {
    var soft = config.softLimits[field.name];
    if (field.hasAttribute("maxlength")) {
      var hard = parseInt(field.getAttribute("maxlength"), 10);
      return { limit: soft ? Math.min(soft, hard) : hard, publishOnly: false };
    }
    return soft ? { limit: soft, publishOnly: true } : null;
  }

  function isCountable(field) {
    if (!field.matches || !field.matches("input[type=text], textarea")) return false;
    if (field.name === "slug" || !editForm(field)) return false;
    return field.hasAttribute("maxlength") || field.name in config.softLimits;
  }

  function stateOf(length, limit) {
    if (length > limit) return "over";
    if (length >= Math.ceil(limit * config.warnAt)) return "near";
    return "ok";
  }

  function updateCounter(field) {
    var counter = field._portalCounter;
    var length = field.value.length;
    var limit = counter.limit;
    var state = stateOf(length, limit);
    var text = format(texts.count, { count: length, limit: limit });
    if (state === "over") text += " – " + format(texts.overBy, { over: length - limit });
    counter.number.textContent = text;
    counter.element.dataset.state = state;
    if (state !== counter.state) {
      counter.state = state;
      // Only a change of state reaches the live region, so it is announced once.
      if (state === "near") counter.warning.textContent = texts.near;
      else if (state === "over")
        counter.warning.textContent = counter.publishOnly ? texts.overPublish : texts.over;
      else counter.warning.textContent = "";
    }
  }

  function addCounter(field) {
    if (counted.has(field) || !isCountable(field)) return;
    var rule = limitOf(field);
    if (!rule) return;
    counted.add(field);
    // Lift the browser's silent cut; the counter and the server take over.
    field.removeAttribute("maxlength");
    field.dataset.portalLimit = String(rule.limit);

    var element = document.createElement("div");
    element.className = "portal-count";
    element.id = "portal-count-" + ++serial;
    var number = document.createElement("span");
    number.className = "portal-count__number";
    var warning = document.createElement("span");
    warning.className = "portal-count__warning";
    warning.setAttribute("aria-live", "polite");
    element.append(number, " ", warning);

    var container = field.closest("[data-field-input]") || field;
    container.insertAdjacentElement("afterend", element);
    var describedBy = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (describedBy ? describedBy + " " : "") + element.id);

    field._portalCounter = {
      element: element,
      number: number,
      warning: warning,
      limit: rule.limit,
      publishOnly: rule.publishOnly,
      state: null,
    };
    updateCounter(field);
  }

  /* --- Search-result preview ----------------------------------------------------------- */

  function cut(text, limit) {
    text = text.trim().replace(/\s+/g, " ");
    if (text.length <= limit) return text;
    var shortened = text.slice(0, limit - 1);
    var space = shortened.lastIndexOf(" ");
    if (space > limit * 0.6) shortened = shortened.slice(0, space);
    return shortened.replace(/[\s.,;:–-]+$/, "") + " …";
  }

  function value(form, name) {
    var field = form.elements[name];
    return field && typeof field.value === "string" ? field.value : "";
  }

  function firstFilled(form, names) {
    for (var i = 0; i < names.length; i++) {
      var text = value(form, names[i]).trim();
      if (text) return text;
    }
    return "";
  }

  function updatePreview(form) {
    var preview = form._portalPreview;
    if (!preview) return;
    var title = firstFilled(form, ["seo_title", "title"]);
    preview.title.textContent = cut(
      title ? title + " – " + config.serp.site : config.serp.site,
      config.serp.title
    );
    preview.url.textContent = config.serp.host + " › … › " + (value(form, "slug") || "…");
    var description = firstFilled(form, ["search_description", "teaser", "intro"]);
    preview.description.textContent = description
      ? cut(description, config.serp.description)
      : texts.previewNoDescription;
    preview.description.dataset.empty = description ? "false" : "true";
  }

  function addPreview(form) {
    var anchor = form.elements.search_description;
    if (!anchor || form._portalPreview) return;
    var wrapper = anchor.closest(".w-field__wrapper") || anchor;
    var section = document.createElement("section");
    section.className = "portal-serp";
    section.setAttribute("aria-labelledby", "portal-serp-heading");
    section.innerHTML =
      '<h3 class="portal-serp__heading" id="portal-serp-heading"></h3>' +
      '<div class="portal-serp__result">' +
      '<p class="portal-serp__url"></p>' +
      '<p class="portal-serp__title"></p>' +
      '<p class="portal-serp__description"></p>' +
      "</div>" +
      '<p class="portal-serp__hint"></p>';
    section.querySelector("h3").textContent = texts.previewHeading;
    section.querySelector(".portal-serp__hint").textContent = texts.previewHint;
    wrapper.insertAdjacentElement("afterend", section);
    form._portalPreview = {
      title: section.querySelector(".portal-serp__title"),
      url: section.querySelector(".portal-serp__url"),
      description: section.querySelector(".portal-serp__description"),
    };
    updatePreview(form);
  }

  /* --- Wiring ---------------------------------------------------------------------------- */

  function scan(root) {
    root.querySelectorAll("form[data-edit-form]").forEach(addPreview);
    root
      .querySelectorAll("form[data-edit-form] input[type=text], form[data-edit-form] textarea")
      .forEach(addCounter);
  }

  document.addEventListener("input", function (event) {
    var field = event.target;
    if (field._portalCounter) updateCounter(field);
    var form = field.form || (field.closest && editForm(field));
    if (form) updatePreview(form);
  });
  // Fields that appear later (a StreamField block added by the editor) get their counter
  // when they are first focused; Wagtail's slug script
  // fills the slug without an input event, but announces it (w-slug:applied).
  document.addEventListener("focusin", function (event) {
    addCounter(event.target);
  });
  ["change", "w-slug:applied"].forEach(function (name) {
    document.addEventListener(name, function (event) {
      var form = event.target.form;
      if (form) updatePreview(form);
    });
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () {
      scan(document);
    });
  } else {
    scan(document);
  }
})();
