/* Adaptive streaming (HLS) for self-hosted films, as a progressive enhancement.
 *
 * The page carries a plain <video preload="none"> with an MP4 <source>, caption <track>s and
 * the master playlist of the film's HLS ladder in data-film-hls. Without JavaScript, or where
 * nothing below applies, the MP4 plays. With JavaScript:
 * - a browser that plays HLS itself (Safari; Chromium answers "maybe" too) gets the playlist;
 * - a browser with Media Source Extensions gets hls.js, loaded only when the visitor presses
 *   play, from this script tag's data-hls-src (filled with {% static %}, so the hashed name);
 * - if HLS fails (hls.js missing, a fatal hls.js error, a native playback error), the MP4
 *   carries on from where the film had got to.
 * Nothing of the film is fetched before the visitor presses play, and nothing plays before.
 * Every self-hosted film also gets its tap-to-play button (offerStart, below). */
(function () {
  "use strict";

  var HLS_TYPE = "application/vnd.apple.mpegurl";
  var script = document.currentScript;
  var hlsScriptUrl = script ? script.getAttribute("data-hls-src") : null;
  var hlsLoading = null;

  /* Phones on slow links: start with the lowest rendition and let the bandwidth estimate
   * raise it; never fetch more pixels than the player shows (counting at most 2 device pixels
   * per CSS pixel), so a phone is not sent 1080p. No worker: hls.js would build it from a
   * blob: URL, which the CSP (worker-src) forbids, and our fMP4 segments are passed through,
   * not transmuxed, so there is little for a worker to do. */
  var HLS_CONFIG = {
    enableWorker: false,
    startLevel: 0,
    capLevelToPlayerSize: true,
    maxDevicePixelRatio: 2
  };

  /* A segment that keeps failing means the server is in trouble: after two retries (about
   * 3 s, where hls.js's defaults wait some 30 s) the MP4 takes over. Time-outs on slow links
   * keep hls.js's own retries. */
  function hlsConfig(Hls) {
    var fragLoad = JSON.parse(JSON.stringify(Hls.DefaultConfig.fragLoadPolicy));
    fragLoad.default.errorRetry = { maxNumRetry: 2, retryDelayMs: 1000, maxRetryDelayMs: 2000 };
    var config = { fragLoadPolicy: fragLoad };
    Object.keys(HLS_CONFIG).forEach(function (key) {
      config[key] = HLS_CONFIG[key];
    });
    return config;
  }

  function mediaSource() {
    return window.ManagedMediaSource || window.MediaSource;
  }

  function mseCanPlay() {
    var MS = mediaSource();
    return Boolean(
      MS && typeof MS.isTypeSupported === "function" &&
      MS.isTypeSupported('video/mp4; codecs="avc1.42E01E,mp4a.40.2"')
    );
  }

  function quietly(promise) {
    if (promise && typeof promise.catch === "function") {
      promise.catch(function () {});
    }
  }

  /* Whether the visitor wants the film to play. video.paused cannot tell: a change of source
   * sets it silently (no pause event), and so does a failed source. */
  function trackWish(video) {
    var wants = false;
    video.addEventListener("play", function () {
      wants = true;
    });
    video.addEventListener("pause", function () {
      wants = false;
    });
    return function () {
      return wants;
    };
  }

  /* One <script> for every film on the page; callbacks get window.Hls, or null. */
  function loadHls(callback) {
    if (!hlsLoading) {
      var waiting = [];
      var tag = document.createElement("script");
      var done = function (Hls) {
        hlsLoading = { Hls: Hls };
        waiting.forEach(function (cb) {
          cb(Hls);
        });
      };
      hlsLoading = waiting;
      tag.src = hlsScriptUrl;
      tag.async = true;
      tag.addEventListener("load", function () {
        done(window.Hls && window.Hls.isSupported() ? window.Hls : null);
      });
      tag.addEventListener("error", function () {
        done(null);
      });
      document.head.appendChild(tag);
    }
    if (Array.isArray(hlsLoading)) {
      hlsLoading.push(callback);
    } else {
      callback(hlsLoading.Hls);
    }
  }

  /* The first <source> the browser can play: the MP4. */
  function fallbackSource(video) {
    var sources = video.querySelectorAll("source");
    for (var i = 0; i < sources.length; i++) {
      var type = sources[i].getAttribute("type");
      if (!type || video.canPlayType(type)) {
        return sources[i].src;
      }
    }
    return null;
  }

  /* Back to the MP4 at the moment the film had reached, playing if the visitor wants it.
   * Setting src, rather than calling load(), keeps preload="none" effective in Chromium. */
  function playMp4(video, resume, resumeAt) {
    var mp4 = fallbackSource(video);
    if (!mp4) {
      return;
    }
    if (resumeAt > 0) {
      video.addEventListener("loadedmetadata", function () {
        video.currentTime = resumeAt;
      }, { once: true });
    }
    video.src = mp4;
    if (resume) {
      quietly(video.play());
    }
  }

  function useNativeHls(video, playlist) {
    var wantsPlay = trackWish(video);
    video.addEventListener("error", function onError() {
      if (video.getAttribute("src") === playlist) {
        video.removeEventListener("error", onError);
        playMp4(video, wantsPlay(), video.currentTime);
      }
    });
    /* src outranks the <source>s. Chromium ignores preload="none" after an explicit load(),
     * but not after a change of src. */
    video.src = playlist;
  }

  function useHlsJs(video, playlist) {
    var wantsPlay = trackWish(video);
    var placeholder = null;
    var hls = null;
    var started = false;
    var gaveUp = false;

    function fallBack() {
      var resumeAt = video.currentTime;
      if (gaveUp) {
        return;
      }
      gaveUp = true;
      if (hls) {
        hls.destroy();
        hls = null;
      }
      URL.revokeObjectURL(placeholder);
      playMp4(video, wantsPlay(), resumeAt);
    }

    function attach(Hls) {
      if (!Hls || gaveUp) {
        fallBack();
        return;
      }
      hls = new Hls(hlsConfig(Hls));
      hls.on(Hls.Events.ERROR, function (event, data) {
        if (data.fatal) {
          fallBack();
        }
      });
      hls.on(Hls.Events.MEDIA_ATTACHED, function () {
        URL.revokeObjectURL(placeholder);
        if (wantsPlay()) {
          quietly(video.play());
        }
      });
      hls.loadSource(playlist);
      hls.attachMedia(video);
    }

    /* Until play the MP4 is the video's idle source (preload="none": no request, and the
     * controls and keys work as usual). On play, the MP4 request the browser has just begun
     * is dropped for an empty MediaSource, which keeps the video playing (a spinner) while
     * hls.js arrives; hls.js then brings its own. */
    video.addEventListener("play", function () {
      if (started) {
        return;
      }
      started = true;
      placeholder = URL.createObjectURL(new (mediaSource())());
      video.src = placeholder;
      quietly(video.play());
      loadHls(attach);
    });
    // The placeholder refused (a policy without media-src blob:): the MP4 it is.
    video.addEventListener("error", function () {
      if (placeholder && video.getAttribute("src") === placeholder) {
        fallBack();
      }
    });
  }

  function enhance(video) {
    var playlist = video.getAttribute("data-film-hls");
    if (!playlist || !video.paused) {
      return; // no ladder, or the visitor was quicker than this script: leave the MP4 be
    }
    if (video.canPlayType(HLS_TYPE)) {
      useNativeHls(video, playlist);
    } else if (hlsScriptUrl && mseCanPlay()) {
      useHlsJs(video, playlist);
    }
  }

  /* Tap to play: on phones a tap on a video with controls only shows the controls, and the
   * play icon in them is small. The film's own button covers the poster until the film
   * first plays; a tap or click anywhere on it, or Enter/Space, starts the film. Focus then
   * moves to the video, so keyboard users keep their place and reach its controls. */
  function offerStart(video) {
    var button = video.parentNode.querySelector("[data-film-start]");
    if (!button || !video.paused || video.played.length) {
      return;
    }
    button.hidden = false;
    video.controls = false; // the button stands in for them; the controls' spinner hid it
    button.addEventListener("click", function () {
      quietly(video.play());
    });
    video.addEventListener("play", function () {
      var hadFocus = document.activeElement === button;
      button.hidden = true;
      video.controls = true;
      if (hadFocus) {
        video.focus();
      }
    }, { once: true });
  }

  document.querySelectorAll("video[data-film-hls]").forEach(enhance);
  document.querySelectorAll("video.film__video").forEach(offerStart);
})();
