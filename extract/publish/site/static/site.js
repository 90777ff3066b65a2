// Scorecard filters (province, year, sector) and the provenance panel; data from <script id="scorecard-data">.
(function () {
  var data = JSON.parse(document.getElementById('scorecard-data').textContent);
  var sel = {province: document.getElementById('f-province'), year: document.getElementById('f-year'),
             sector: document.getElementById('f-sector')};
  function apply() {
    var p = sel.province.value, y = sel.year.value, s = sel.sector.value;
    document.querySelectorAll('section.scorecard').forEach(function (sec) {
      var ok = (!p || sec.dataset.province === p) && (!y || sec.dataset.year === y);
      sec.classList.toggle('hidden', !ok);
    });
    document.querySelectorAll('tr.row').forEach(function (tr) {
      var ok = (!s || tr.dataset.sector === s) && (!p || tr.dataset.province === p) &&
               (!y || !tr.dataset.years || tr.dataset.years.split(' ').indexOf(y) >= 0);
      tr.classList.toggle('hidden', !ok);
    });
    var shown = document.querySelectorAll('section.scorecard:not(.hidden)').length;
    document.getElementById('f-count').textContent = shown + ' of ' + data.sections + ' province-year scorecards shown';
  }
  Object.keys(sel).forEach(function (k) { sel[k].addEventListener('change', apply); });
  var panel = document.getElementById('provenance');
  function show(ev) {
    var a = ev.target.closest('a.num'); if (!a) return;
    panel.textContent = 'Printed in the report: "' + a.dataset.raw + '"\nDocument ' + a.dataset.doc +
                        ', page ' + a.dataset.page + '\n' + a.getAttribute('href');
  }
  document.addEventListener('mouseover', show); document.addEventListener('focusin', show);
  apply();
})();
