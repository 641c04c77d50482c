/* Click-to-load for external films (YouTube, Vimeo).
 * Nothing is requested from the provider until the visitor clicks: the page carries only a
 * local poster and a link to the video. This script turns the link into a button that
 * replaces the poster with the privacy-friendly player (youtube-nocookie.com, Vimeo dnt=1).
 * Without JavaScript the link simply leads to the video on the provider's site. */
(function () {
  "use strict";

  function load(container, button) {
    var iframe = document.createElement("iframe");
    iframe.src = container.getAttribute("data-embed-url");
    iframe.title = container.getAttribute("data-embed-title") || "";
    iframe.className = "film__iframe";
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.setAttribute("allow", "autoplay; encrypted-media; fullscreen; picture-in-picture");
    iframe.setAttribute("allowfullscreen", "");
    iframe.width = "1280";
    iframe.height = "720";
    container.replaceChildren(iframe);
    container.classList.add("film__external--loaded");
    iframe.focus();
  }

  function enhance(container) {
    var link = container.querySelector("[data-film-play]");
    if (!link) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.append.apply(button, Array.prototype.slice.call(link.childNodes));
    button.addEventListener("click", function () {
      load(container, button);
    });
    link.replaceWith(button);
  }

  document.querySelectorAll("[data-film-embed]").forEach(enhance);
})();
