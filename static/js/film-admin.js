/* The film form in the admin: the panel "Video processing" and the master upload.
 *
 * - Keeps each version's state and percentage current while the worker processes it, by
 *   asking /admin/films/<id>/processing/ every 2 s; the form itself is not reloaded, so
 *   nothing the editor typed is lost.
 * - Checks a chosen video against the size limit before anything is sent, and says so next
 *   to the field.
 * - Shows how far a large upload has got: the form is sent with XMLHttpRequest (the same
 *   fields and button as a normal submit), whose upload progress drives a progress bar; the
 *   answer then replaces the page as a normal submit would.
 * Without this script everything still works: the panel shows the state at page load and
 * the browser shows its own upload indicator. */
(function () {
  "use strict";

  var panel = document.querySelector("[data-film-processing]");
  if (!panel) {
    return;
  }
  var statusUrl = panel.getAttribute("data-status-url");
  var maxBytes = parseInt(panel.getAttribute("data-max-upload-bytes"), 10) || 0;
  var form = panel.closest("form");

  function megabytes(bytes) {
    return (bytes / (1024 * 1024)).toFixed(0) + " MB";
  }

  /* --- the processing state ---------------------------------------------------------- */
  function refresh() {
    var request = new XMLHttpRequest();
    request.open("GET", statusUrl);
    request.responseType = "json";
    request.addEventListener("load", function () {
      var versions = (request.response && request.response.versions) || [];
      var items = panel.querySelectorAll("[data-encoding]");
      var busy = false;
      versions.forEach(function (version, index) {
        var item = items[index];
        if (!item) {
          return;
        }
        var status = item.querySelector("[data-encoding-status]");
        var progress = item.querySelector("[data-encoding-progress]");
        var message = item.querySelector("[data-encoding-message]");
        if (status) {
          status.textContent = version.status_label || version.status;
        }
        if (progress) {
          progress.value = version.progress;
          progress.textContent = version.progress + " %";
          progress.hidden = !(version.status === "queued" || version.status === "processing");
        }
        if (message) {
          message.textContent = version.message;
        }
        busy = busy || version.status === "queued" || version.status === "processing";
      });
      if (busy) {
        window.setTimeout(refresh, 2000);
      }
    });
    request.send();
  }

  if (statusUrl && panel.querySelector("[data-encoding-progress]:not([hidden])")) {
    window.setTimeout(refresh, 2000);
  }

  /* --- the upload ---------------------------------------------------------------------- */
  function videoInputs() {
    return Array.prototype.filter.call(
      form.querySelectorAll('input[type="file"][name^="sources-"]'),
      function (input) {
        return input.files && input.files.length;
      }
    );
  }

  function sizeMessage(input) {
    var id = input.id + "-size";
    var existing = document.getElementById(id);
    if (existing) {
      return existing;
    }
    var note = document.createElement("p");
    note.id = id;
    note.className = "error-message";
    note.setAttribute("role", "alert");
    input.insertAdjacentElement("afterend", note);
    input.setAttribute("aria-describedby", id);
    return note;
  }

  function checkSize(input) {
    var file = input.files && input.files[0];
    var note = sizeMessage(input);
    if (file && maxBytes && file.size > maxBytes) {
      note.textContent =
        panel.getAttribute("data-too-large")
          .replace("%(size)s", megabytes(file.size))
          .replace("%(limit)s", megabytes(maxBytes));
      return false;
    }
    note.textContent = "";
    return true;
  }

  if (!form) {
    return;
  }
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.matches && input.matches('input[type="file"][name^="sources-"]')) {
      checkSize(input);
    }
  });

  var bar = document.createElement("div");
  bar.className = "film-upload";
  bar.hidden = true;
  bar.innerHTML =
    '<label class="film-upload__label"></label> <progress class="film-upload__progress" max="100" value="0"></progress>';
  var label = bar.querySelector("label");
  var progress = bar.querySelector("progress");
  label.textContent = panel.getAttribute("data-uploading");
  progress.id = "film-upload-progress";
  label.setAttribute("for", progress.id);
  panel.prepend(bar);

  form.addEventListener("submit", function (event) {
    var inputs = videoInputs();
    if (!inputs.length || !window.FormData) {
      return; // nothing large to send: Wagtail submits the form itself
    }
    if (!inputs.every(checkSize)) {
      event.preventDefault();
      return;
    }
    event.preventDefault();
    var data = new FormData(form, event.submitter || undefined);
    var request = new XMLHttpRequest();
    request.open(form.method || "POST", form.action || window.location.href);
    bar.hidden = false;
    bar.scrollIntoView({ block: "center" });
    request.upload.addEventListener("progress", function (progressEvent) {
      if (progressEvent.lengthComputable) {
        var percent = Math.round((100 * progressEvent.loaded) / progressEvent.total);
        progress.value = percent;
        progress.textContent = percent + " %";
      }
    });
    request.addEventListener("load", function () {
      if (request.responseURL && request.responseURL !== (form.action || window.location.href)) {
        window.location.assign(request.responseURL); // saved: Wagtail redirected
        return;
      }
      document.open();
      document.write(request.responseText); // the form again, with its errors
      document.close();
    });
    request.addEventListener("error", function () {
      bar.hidden = true;
      form.submit(); // the network failed the script: let the browser try
    });
    request.send(data);
  });
})();
