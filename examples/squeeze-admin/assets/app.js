// Squeeze admin example: the viewer's time zone for every instant, the form's flow-dependent fields,
// and the folder lists (a choice is copied into the text field; the page works without this script too).
(function () {
  'use strict';
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'local time';
  var fmt = new Intl.DateTimeFormat(undefined, {
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
    hour12: false, timeZoneName: 'short'
  });

  function relative(seconds) {
    var a = Math.abs(seconds), n, unit;
    if (a < 90) { n = Math.round(a); unit = 'second'; }
    else if (a < 5400) { n = Math.round(a / 60); unit = 'minute'; }
    else if (a < 172800) { n = Math.round(a / 3600); unit = 'hour'; }
    else { n = Math.round(a / 86400); unit = 'day'; }
    var s = n + ' ' + unit + (n === 1 ? '' : 's');
    return seconds >= 0 ? 'in ' + s : s + ' ago';
  }

  function instants() {
    var now = Date.now() / 1000;
    document.querySelectorAll('time.instant[data-epoch]').forEach(function (t) {
      var epoch = Number(t.getAttribute('data-epoch'));
      var local = t.querySelector('.local');
      if (!local) {
        local = document.createElement('span');
        local.className = 'local';
        t.appendChild(local);
      }
      local.textContent = fmt.format(new Date(epoch * 1000)) + ' (' + zone + ') · ' + relative(epoch - now);
    });
    var z = document.getElementById('viewer-zone');
    if (z) { z.textContent = zone; }
  }

  function credentialFields() {
    var sel = document.getElementById('credential');
    if (!sel) { return; }
    var cert = sel.value === 'certificate';
    document.querySelectorAll('.only-secret').forEach(function (e) { e.hidden = cert; });
    document.querySelectorAll('.only-certificate').forEach(function (e) { e.hidden = !cert; });
  }

  // A folder list next to a text field: choosing copies the path into the field; typing selects the
  // list entry with exactly that value, or none (then the server saves the typed value).
  function folderPickers() {
    document.querySelectorAll('select.folder-pick[data-for]').forEach(function (sel) {
      var input = document.getElementById(sel.getAttribute('data-for'));
      if (!input) { return; }
      sel.addEventListener('change', function () {
        if (sel.value !== '') { input.value = sel.value; }
      });
      input.addEventListener('input', function () {
        var v = input.value.trim(), found = '';
        for (var i = 0; i < sel.options.length; i++) {
          if (sel.options[i].value !== '' && sel.options[i].value === v) { found = v; }
        }
        sel.value = found;
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    instants();
    folderPickers();
    setInterval(instants, 30000);
    credentialFields();
    var sel = document.getElementById('credential');
    if (sel) { sel.addEventListener('change', credentialFields); }
    // The redirect endpoint's query holds a one-time code and state: keep them out of history and reloads.
    if (location.pathname === '/api/v2/importers/email/authenticate/end' && location.search) {
      history.replaceState(null, '', location.pathname);
    }
  });
})();
