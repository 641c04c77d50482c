# Third-party browser code the public site serves, copied from node_modules (pinned in
# package-lock.json) into static/vendor/, which is gitignored: the lock file is the one
# record of what we ship. `make vendor-js` runs `npm ci` first (the node-tools target) and
# must run before `collectstatic`, or `{% static %}` fails for the vendored files under
# the production manifest storage.
#
# hls.js plays the films' HLS ladder where the browser has Media Source Extensions but no
# native HLS; static/js/film-player.js loads it only when the visitor presses play. We ship
# the light build: it plays our fMP4/CMAF H.264+AAC ladder like the full one (the browser
# tests prove it) and leaves out only what we do not use through hls.js (its README:
# alternate audio, subtitles, EME/DRM, CMCD, variable substitution, interstitials, I-frame
# trick play, Media Capabilities): our captions are sidecar <track>s the browser shows
# itself. 389 KB, 120 KB gzipped, against 624 KB and 189 KB for the full build.
#
# The sourceMappingURL comment is dropped because the map is not shipped, and Django's
# manifest storage refuses a script whose source map it cannot find. hls.js is Apache-2.0;
# its licence travels with it.
HLS_JS_DIST := node_modules/hls.js/dist/hls.light.min.js
HLS_JS_VENDOR := static/vendor/hls

.PHONY: vendor-js

# Without npm (node-tools skips then) films still play: natively where the browser plays
# HLS, the MP4 elsewhere; `make prod` refuses to go on without it (deploy/prod.sh), since the
# production manifest storage cannot name a missing file.
vendor-js: node-tools
	@if [ ! -f $(HLS_JS_DIST) ]; then \
	  echo "$(HLS_JS_DIST) is missing (no npm?): films play natively or as MP4, without hls.js"; \
	else \
	  mkdir -p $(HLS_JS_VENDOR) && \
	  sed '/^\/\/# sourceMappingURL=/d' $(HLS_JS_DIST) > $(HLS_JS_VENDOR)/hls.light.min.js && \
	  cp node_modules/hls.js/LICENSE $(HLS_JS_VENDOR)/LICENSE; \
	fi
