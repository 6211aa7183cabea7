(function () {
  'use strict';
  var vscode = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  var table = document.getElementById('matrix');
  var form = document.getElementById('filters');
  var walkthrough = document.getElementById('open-walkthrough');
  if (walkthrough && vscode) walkthrough.addEventListener('click', function () { vscode.postMessage({ type: 'walkthrough' }); });
  if (!table || !form) return;
  var byId = function (id) { return document.getElementById(id); };
  var actorSelect = byId('f-actor'), fromInput = byId('f-from'), toInput = byId('f-to');
  var undatedBox = byId('f-undated'), missingBox = byId('f-missing'), count = byId('f-count');
  var noMatch = byId('no-match'), detail = byId('detail'), sortSelect = byId('f-sort');
  var perspectiveBoxes = Array.prototype.slice.call(form.querySelectorAll('input[data-filter-p]'));
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var current = null;
  form.hidden = false;

  function tds(row) { return Array.prototype.filter.call(row.cells, function (c) { return c.tagName === 'TD'; }); }
  function visibleCells(row) { return tds(row).filter(function (c) { return !c.hidden; }); }
  function visibleRows() { return rows.filter(function (r) { return !r.hidden; }); }
  function isShown(cell) { return !!cell && !cell.hidden && !cell.parentElement.hidden; }

  function inDates(cell, from, to, undated) {
    if (!from && !to) return true;
    var dates = cell.getAttribute('data-dates') ? cell.getAttribute('data-dates').split(' ') : [];
    for (var i = 0; i < dates.length; i++) {
      if ((!from || dates[i] >= from) && (!to || dates[i] <= to)) return true;
    }
    return undated && cell.getAttribute('data-undated') === '1';
  }

  // Claims by key as rendered, or by first appearance (undated ones last); the table's rows are moved, not rebuilt.
  var byKey = rows.slice();
  var keyOrder = new Map(byKey.map(function (row, i) { return [row, i]; }));
  function sortRows() {
    var order = byKey.slice();
    if (sortSelect.value === 'first') {
      order.sort(function (a, b) {
        var da = a.getAttribute('data-first'), db = b.getAttribute('data-first');
        if (da === db) return keyOrder.get(a) - keyOrder.get(b);
        if (!da) return 1;
        if (!db) return -1;
        return da < db ? -1 : 1;
      });
    }
    var body = table.tBodies[0];
    order.forEach(function (row) { body.appendChild(row); });
    rows = order;
  }

  function apply() {
    sortRows();
    var shown = {};
    perspectiveBoxes.forEach(function (box) { shown[box.getAttribute('data-filter-p')] = box.checked; });
    Array.prototype.forEach.call(table.querySelectorAll('[data-p]'), function (el) { el.hidden = !shown[el.getAttribute('data-p')]; });
    var actor = actorSelect.value, from = fromInput.value, to = toInput.value;
    undatedBox.disabled = !from && !to;
    var visible = 0;
    rows.forEach(function (row) {
      var wanted = (!actor || (' ' + row.getAttribute('data-actors') + ' ').indexOf(' ' + actor + ' ') >= 0) &&
        (!missingBox.checked || row.classList.contains('missing'));
      var carried = false;
      tds(row).forEach(function (cell) {
        if (!cell.classList.contains('filled')) return;
        var inRange = inDates(cell, from, to, undatedBox.checked);
        cell.classList.toggle('out-of-range', !inRange);
        if (inRange && shown[cell.getAttribute('data-p')]) carried = true;
      });
      row.hidden = !(wanted && carried);
      if (!row.hidden) visible++;
    });
    count.textContent = visible + ' of ' + rows.length + ' claims';
    noMatch.hidden = visible > 0;
    if (!isShown(current)) setCurrent(firstCell(), false);
    save();
  }

  function firstCell() {
    var list = visibleRows();
    for (var i = 0; i < list.length; i++) {
      var filled = visibleCells(list[i]).filter(function (c) { return c.classList.contains('filled'); })[0];
      if (filled) return filled;
    }
    return list.length ? visibleCells(list[0])[0] || null : null;
  }

  function setCurrent(cell, focus) {
    if (current && current !== cell) { current.tabIndex = -1; current.classList.remove('current'); }
    current = cell || null;
    if (!current) { showDetail(null); return; }
    current.tabIndex = 0;
    current.classList.add('current');
    if (focus) current.focus();
    showDetail(current);
  }

  function showDetail(cell) {
    detail.textContent = '';
    var source = cell && cell.querySelector('.detail-src');
    if (source) {
      var copy = source.cloneNode(true);
      copy.hidden = false;
      copy.className = 'detail-body';
      detail.appendChild(copy);
      return;
    }
    var hint = document.createElement('p');
    hint.className = 'hint';
    if (cell) {
      var outlet = table.tHead.querySelector('th[data-col="' + cell.getAttribute('data-col') + '"]');
      var key = cell.parentElement.querySelector('.key');
      hint.textContent = (outlet ? outlet.textContent : 'This outlet') + ' does not carry ' + (key ? key.textContent : 'this claim') + '.';
    } else {
      hint.textContent = 'No cell selected.';
    }
    detail.appendChild(hint);
  }

  function open(target) {
    var uri = target.getAttribute('data-uri');
    if (vscode && uri) {
      vscode.postMessage({ type: 'open', uri: uri, line: Number(target.getAttribute('data-line')) });
      return;
    }
    var link = target.tagName === 'A' ? target : target.querySelector('a.open');
    if (link) link.click();
  }

  function move(cell, key, ctrl) {
    var list = visibleRows();
    var row = list.indexOf(cell.parentElement);
    var cells = visibleCells(cell.parentElement);
    var column = cells.indexOf(cell);
    var at = function (r, c) { var target = list[r]; return target ? visibleCells(target)[c] : undefined; };
    switch (key) {
      case 'ArrowRight': return cells[column + 1];
      case 'ArrowLeft': return cells[column - 1];
      case 'ArrowDown': return at(row + 1, column);
      case 'ArrowUp': return at(row - 1, column);
      case 'PageDown': return at(Math.min(row + 10, list.length - 1), column);
      case 'PageUp': return at(Math.max(row - 10, 0), column);
      case 'Home': return ctrl ? at(0, 0) : cells[0];
      case 'End': return ctrl ? at(list.length - 1, cells.length - 1) : cells[cells.length - 1];
      default: return undefined;
    }
  }

  table.addEventListener('keydown', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (!cell) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open(cell);
      return;
    }
    var target = move(cell, event.key, event.ctrlKey || event.metaKey);
    if (target === undefined && !/^(?:Arrow|Page|Home|End)/.test(event.key)) return;
    event.preventDefault();
    if (target) setCurrent(target, true);
  });
  table.addEventListener('click', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (!cell) return;
    setCurrent(cell, true);
    if (!event.target.closest('a')) open(cell);
  });
  table.addEventListener('focusin', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (cell && cell !== current) setCurrent(cell, false);
  });
  table.addEventListener('mouseover', function (event) {
    var cell = event.target.closest && event.target.closest('td');
    if (cell) showDetail(cell);
  });
  table.addEventListener('mouseleave', function () { showDetail(current); });
  detail.addEventListener('click', function (event) {
    var button = event.target.closest && event.target.closest('button.open');
    if (button) open(button);
  });

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  byId('f-reset').addEventListener('click', function () {
    actorSelect.value = '';
    fromInput.value = '';
    toInput.value = '';
    undatedBox.checked = true;
    missingBox.checked = false;
    sortSelect.value = 'key';
    perspectiveBoxes.forEach(function (box) { box.checked = true; });
    apply();
  });

  function optionValue(select, text) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].text === text) return select.options[i].value;
    return '';
  }

  function save() {
    if (!vscode) return;
    var selected = actorSelect.options[actorSelect.selectedIndex];
    vscode.setState({
      actor: actorSelect.value ? selected.text : '',
      hidden: perspectiveBoxes.filter(function (box) { return !box.checked; }).map(function (box) { return box.value; }),
      from: fromInput.value, to: toInput.value, undated: undatedBox.checked, missing: missingBox.checked, sort: sortSelect.value,
      row: current ? current.parentElement.getAttribute('data-key') : null,
      column: current ? Number(current.getAttribute('data-col')) : null,
      scrollTop: window.scrollY, scrollLeft: table.parentElement.scrollLeft,
    });
  }
  var scrollTimer = 0;
  function saveSoon() {
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(save, 150);
  }
  window.addEventListener('scroll', saveSoon, { passive: true });
  table.parentElement.addEventListener('scroll', saveSoon, { passive: true });

  // In VS Code the page is rebuilt when the matrix is refreshed: the filters and the selected cell carry over.
  var state = vscode && vscode.getState();
  if (state) {
    actorSelect.value = state.actor ? optionValue(actorSelect, state.actor) : '';
    perspectiveBoxes.forEach(function (box) { box.checked = (state.hidden || []).indexOf(box.value) < 0; });
    fromInput.value = state.from || '';
    toInput.value = state.to || '';
    undatedBox.checked = state.undated !== false;
    missingBox.checked = !!state.missing;
    sortSelect.value = state.sort === 'first' ? 'first' : 'key';
    var row = rows.filter(function (r) { return r.getAttribute('data-key') === state.row; })[0];
    if (row) setCurrent(tds(row)[state.column] || null, false);
  }
  apply();
  if (!current) setCurrent(firstCell(), false);
  if (state) {
    window.scrollTo(0, state.scrollTop || 0);
    table.parentElement.scrollLeft = state.scrollLeft || 0;
  }
  var group = table.tHead.rows[0].cells[1];
  if (group) table.style.setProperty('--cp-group-height', group.getBoundingClientRect().height + 'px');
}());
