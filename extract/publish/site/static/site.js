// The site's behaviour, no library: filters ([data-filter] controls: province, year, sector, search text ...)
// kept in the URL hash (#province=Jambi&year=2025) so a link reproduces the view and the language switch keeps
// it; a CSV download of the rows shown for every table; the provenance panel; card-style rows at phone width.
(function () {
  'use strict';
  var body = document.body;
  var controls = Array.prototype.slice.call(document.querySelectorAll('[data-filter]'));
  var TARGETS = 'section.scorecard, section.trends-block, section.iv-block, tr.row, li.row';
  var ROWS = 'tr.row, li.row';

  function current() {
    var state = {};
    controls.forEach(function (c) { state[c.dataset.filter] = c.value.trim(); });
    return state;
  }

  function matches(el, key, value) {
    if (!value) return true;
    if (key === 'q') return !el.matches(ROWS) || el.textContent.toLowerCase().indexOf(value.toLowerCase()) >= 0;
    if (key === 'year' && el.dataset.years !== undefined) return el.dataset.years.split(' ').indexOf(value) >= 0;
    var own = el.dataset[key];
    return own === undefined || own === '' || own === value;
  }

  function writeHash(state) {
    var params = new URLSearchParams();
    Object.keys(state).forEach(function (k) { if (state[k]) params.set(k, state[k]); });
    var text = params.toString();
    history.replaceState(null, '', text ? '#' + text : location.pathname + location.search);
    var sw = document.getElementById('lang-switch');
    if (sw) sw.setAttribute('href', sw.getAttribute('href').split('#')[0] + (text ? '#' + text : ''));
  }

  function readHash() {
    var params = new URLSearchParams(location.hash.replace(/^#/, ''));
    controls.forEach(function (c) {
      var v = params.get(c.dataset.filter);
      if (v === null) return;
      if (c.tagName === 'SELECT' && !Array.prototype.some.call(c.options, function (o) { return o.value === v; })) return;
      c.value = v;
    });
  }

  function apply() {
    var state = current(), keys = Object.keys(state);
    document.querySelectorAll(TARGETS).forEach(function (el) {
      var ok = keys.every(function (k) { return matches(el, k, state[k]); });
      el.classList.toggle('hidden', !ok);
    });
    if (state.q || state.sector) {       // a section none of whose rows match is hidden too
      document.querySelectorAll('section.scorecard, section.trends-block, section.iv-block').forEach(function (sec) {
        if (!sec.querySelector('tr.row:not(.hidden)')) sec.classList.add('hidden');
      });
    }
    var count = document.getElementById('f-count');
    if (count) {
      var shown = document.querySelectorAll('section.scorecard:not(.hidden)').length;
      count.textContent = count.dataset.template.replace('{shown}', shown).replace('{total}', count.dataset.total);
    }
    writeHash(state);
  }

  function cellValue(td) {
    var nums = td.querySelectorAll('a.num');
    if (nums.length === 1 && nums[0].dataset.value !== undefined) return nums[0].dataset.value;
    if (td.dataset.value !== undefined) return td.dataset.value;
    return td.textContent.replace(/\s+/g, ' ').trim();
  }

  function csvField(text) {
    return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function downloadCsv(table) {
    var lines = [Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return csvField(th.dataset.col || th.textContent.trim());
    }).join(',')];
    table.querySelectorAll('tbody tr').forEach(function (tr) {
      if (tr.classList.contains('hidden')) return;
      lines.push(Array.prototype.map.call(tr.children, function (td) { return csvField(cellValue(td)); }).join(','));
    });
    // UTF-8 with a byte-order mark, so spreadsheet programs read the Indonesian names right
    var blob = new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv;charset=utf-8'});
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = (table.dataset.csv || 'tabel') + '.csv';
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }

  function decorateTables() {
    document.querySelectorAll('table.data').forEach(function (table) {
      var heads = Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) { return th.textContent; });
      table.querySelectorAll('tbody tr').forEach(function (tr) {
        Array.prototype.forEach.call(tr.children, function (td, i) { td.dataset.label = heads[i] || ''; });
      });
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'csv';
      button.textContent = body.dataset.csvLabel;
      button.addEventListener('click', function () { downloadCsv(table); });
      var wrap = table.closest('.table-wrap') || table;
      wrap.parentNode.insertBefore(button, wrap);
    });
  }

  var panel = document.getElementById('provenance');
  function show(ev) {
    var a = ev.target.closest && ev.target.closest('a.num');
    if (!a || !panel) return;
    panel.textContent = body.dataset.provenancePrinted + ': "' + a.dataset.raw + '"\n' + a.dataset.doc.slice(0, 12) +
                        '…, ' + body.dataset.provenancePage + ' ' + a.dataset.page + '\n' + a.getAttribute('href');
  }

  function probeChanges() {
    var link = document.getElementById('nav-changes');
    if (!link || !link.dataset.probe || !/^https?:$/.test(location.protocol)) return;
    fetch(link.dataset.probe, {method: 'HEAD', cache: 'no-store'}).then(function (r) {
      if (r.ok) link.classList.remove('hidden');
    }).catch(function () {});
  }

  decorateTables();
  controls.forEach(function (c) { c.addEventListener(c.tagName === 'INPUT' ? 'input' : 'change', apply); });
  window.addEventListener('hashchange', function () { readHash(); apply(); });
  document.addEventListener('mouseover', show);
  document.addEventListener('focusin', show);
  readHash();
  apply();
  probeChanges();
})();
