/* The project form's location picker (projects/panels.py): a click in the district map fills
   in latitude and longitude, and the marker shows the point the fields hold, also while
   they are typed into. The fields remain the way to enter a place; this is a pointer aid.
   The projection is projects/geo.py's to_map, inverted; its constants come from the panel. */
(function () {
  "use strict";

  function decimal(value) {
    var number = parseFloat(String(value).replace(",", "."));
    return isFinite(number) ? number : null;
  }

  function setUp(box) {
    var form = box.closest("form");
    var latitude = form && form.querySelector("input[name='latitude']");
    var longitude = form && form.querySelector("input[name='longitude']");
    var district = form && form.querySelector("select[name='district']");
    var svg = box.querySelector("svg");
    var marker = box.querySelector(".project-location-map__marker");
    var status = box.querySelector(".project-location-map__status");
    if (!latitude || !longitude || !svg || !marker) return;
    var west = decimal(box.dataset.west);
    var north = decimal(box.dataset.north);
    var xPerDegree = decimal(box.dataset.xPerDegree);
    var yPerDegree = decimal(box.dataset.yPerDegree);
    var view = svg.viewBox.baseVal;

    function place() {
      var lat = decimal(latitude.value);
      var lon = decimal(longitude.value);
      if (lat === null || lon === null) {
        marker.setAttribute("visibility", "hidden");
        return;
      }
      var x = (lon - west) * xPerDegree;
      var y = (north - lat) * yPerDegree;
      var inside = x >= 0 && y >= 0 && x <= view.width && y <= view.height;
      marker.setAttribute("transform", "translate(" + x.toFixed(1) + " " + y.toFixed(1) + ")");
      marker.setAttribute("visibility", inside ? "visible" : "hidden");
    }

    function fill(input, value) {
      input.value = value;
      // Wagtail's form notices changes (unsaved-changes warning, live preview) by events.
      input.dispatchEvent(new Event("input", { bubbles: true }));
      input.dispatchEvent(new Event("change", { bubbles: true }));
    }

    svg.addEventListener("click", function (event) {
      var point = new DOMPoint(event.clientX, event.clientY).matrixTransform(
        svg.getScreenCTM().inverse()
      );
      var lat = (north - point.y / yPerDegree).toFixed(5);
      var lon = (west + point.x / xPerDegree).toFixed(5);
      fill(latitude, lat);
      fill(longitude, lon);
      var area = event.target.closest("[data-district]");
      if (district && !district.value && area) fill(district, area.dataset.district);
      place();
      if (status) {
        var message = box.dataset.filled.replace("{latitude}", lat).replace("{longitude}", lon);
        // A point drawn in another district than the one chosen is most often a slip of
        // the hand or a district chosen too quickly: say so, change nothing.
        if (district && area && district.value && district.value !== area.dataset.district) {
          var option = district.querySelector("option[value='" + area.dataset.district + "']");
          message += " " + box.dataset.mismatch.replace("{district}", option ? option.textContent : "");
        }
        status.textContent = message;
      }
    });
    latitude.addEventListener("input", place);
    longitude.addEventListener("input", place);
    place();
  }

  function start() {
    document.querySelectorAll("[data-project-location]").forEach(setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
