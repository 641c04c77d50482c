/* The film form in the admin: the panel "Video processing" and the master upload.
 *
 * - Keeps each version's state and percentage current while the worker processes it, by
 *   asking /admin/films/<id>/processing/ every 2 s; the form itself is not reloaded, so
 *   nothing the editor typed is lost.
 * - Checks a chosen video against the size limit before anything is sent, and says so next
 *   to the field.
 * - Shows how far a large upload has got: the form is sent with XMLHttpRequest (the same
 *   fields and button as a normal submit), whose upload progress drives a progress bar; the
 *   answer then replaces the page, and the address, as a normal submit would.
 * - Sends every file once (issue 21). Wagtail's autosave stores a chosen file and answers
 *   with "field updates" that empty the file input and fill in a signed reference to the
 *   stored file (home/films/kept_uploads.py); this shows the stored file's name, and holds
 *   back a submit while an autosave is still sending a file, so the bytes are not sent twice.
 * Without this script everything still works: the panel shows the state at page load and
 * the browser shows its own upload indicator. */
function filmAdmin() {
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
  function showVersion(item, version) {
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
  }

  function refresh() {
    var request = new XMLHttpRequest();
    request.open("GET", statusUrl);
    request.responseType = "json";
    request.addEventListener("load", function () {
      var versions = (request.response && request.response.versions) || [];
      var items = panel.querySelectorAll("[data-encoding]");
      var busy = false;
      versions.forEach(function (version, index) {
        if (items[index]) {
          showVersion(items[index], version);
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

  if (!form) {
    return;
  }

  /* --- the size limit -------------------------------------------------------------------- */
  var VIDEO_INPUT = 'input[type="file"][name^="sources-"]';

  /* An error note beside the file field only while there is an error: Wagtail counts
   * every .error-message on the page in its side bar. */
  function showSizeError(input, text) {
    var id = input.id + "-size";
    var note = document.getElementById(id);
    if (!text) {
      if (note) {
        note.remove();
        input.removeAttribute("aria-describedby");
      }
      return;
    }
    if (!note) {
      note = document.createElement("p");
      note.id = id;
      note.className = "error-message";
      note.setAttribute("role", "alert");
      input.insertAdjacentElement("afterend", note);
      input.setAttribute("aria-describedby", id);
    }
    note.textContent = text;
  }

  function checkSize(input) {
    var file = input.files && input.files[0];
    var tooLarge = Boolean(file && maxBytes && file.size > maxBytes);
    showSizeError(
      input,
      tooLarge
        ? panel
            .getAttribute("data-too-large")
            .replace("%(size)s", megabytes(file.size))
            .replace("%(limit)s", megabytes(maxBytes))
        : ""
    );
    return !tooLarge;
  }

  form.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches(VIDEO_INPUT)) {
      checkSize(event.target);
    }
  });

  /* --- the upload ------------------------------------------------------------------------ */
  function chosenVideos() {
    return Array.prototype.filter.call(form.querySelectorAll(VIDEO_INPUT), function (input) {
      return input.files && input.files.length;
    });
  }

  var bar = document.createElement("div");
  bar.className = "film-upload";
  bar.hidden = true;
  var label = document.createElement("label");
  var progress = document.createElement("progress");
  progress.id = "film-upload-progress";
  progress.max = 100;
  progress.value = 0;
  label.setAttribute("for", progress.id);
  label.textContent = panel.getAttribute("data-uploading") + " ";
  bar.append(label, progress);
  panel.prepend(bar);

  /* --- files sent by Wagtail's autosave ------------------------------------------------- */
  var autosavingFiles = false;
  var heldSubmitter = null;
  var sendingForm = false;

  function carriesFiles(formData) {
    var found = false;
    formData.forEach(function (value) {
      found = found || (value instanceof File && value.size > 0);
    });
    return found;
  }

  form.addEventListener("w-autosave:save", function (event) {
    if (sendingForm) {
      event.preventDefault(); // the form itself is being sent, files and all
      return;
    }
    if (!event.defaultPrevented && event.detail && carriesFiles(event.detail.formData)) {
      autosavingFiles = true;
      progress.removeAttribute("value"); // fetch reports no upload progress: indeterminate
      bar.hidden = false;
    }
  });

  function autosaveDone() {
    if (!autosavingFiles) {
      return;
    }
    autosavingFiles = false;
    bar.hidden = true;
    progress.value = 0;
    if (heldSubmitter) {
      // Wagtail disabled the pressed button ("Publishing…"), so its name would not be sent:
      // it goes along as a hidden field.
      var submitter = heldSubmitter;
      heldSubmitter = null;
      if (submitter !== form && submitter.name) {
        var action = document.createElement("input");
        action.type = "hidden";
        action.name = submitter.name;
        action.value = submitter.value;
        form.append(action);
      }
      form.requestSubmit();
    }
  }

  form.addEventListener("w-autosave:success", function (event) {
    var updates = (event.detail && event.detail.response && event.detail.response.field_updates) || {};
    Object.keys(updates).forEach(function (key) {
      var suffix = "-kept-label";
      if (key.slice(-suffix.length) !== suffix) {
        return;
      }
      var note = form.querySelector('[data-stored-file="' + key.slice(0, -suffix.length) + '"]');
      if (note) {
        note.textContent = updates[key];
        note.hidden = false;
      }
    });
    autosaveDone();
  });
  form.addEventListener("w-autosave:error", autosaveDone);

  form.addEventListener("submit", function (event) {
    if (autosavingFiles) {
      // The autosave is sending the files: submit once it is done, without them.
      event.preventDefault();
      event.stopImmediatePropagation();
      heldSubmitter = event.submitter || form;
      return;
    }
    var videos = chosenVideos();
    if (!videos.length || !window.FormData) {
      // Nothing large to send: Wagtail submits the form itself, with any file still in it;
      // an autosave queued meanwhile must not send that file too.
      sendingForm = !event.defaultPrevented;
      return;
    }
    event.preventDefault();
    if (!videos.every(checkSize)) {
      return;
    }
    var data = new FormData(form, event.submitter || undefined);
    var target = form.action || window.location.href;
    var request = new XMLHttpRequest();
    request.open("POST", target);
    sendingForm = true;
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
      // Show the answer as a normal submit would: the page Wagtail redirected to (with its
      // "published" message, which this request already took from the session), or the
      // form again with its errors.
      if (request.responseURL) {
        window.history.replaceState(null, "", request.responseURL);
      }
      document.open();
      document.write(request.responseText);
      document.close();
    });
    request.addEventListener("error", function () {
      sendingForm = false;
      bar.hidden = true;
      form.submit(); // the network failed the script: let the browser try
    });
    request.send(data);
  });
}

/* Wagtail includes a panel's script in the page head: wait for the form. */
if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", filmAdmin);
} else {
  filmAdmin();
}
