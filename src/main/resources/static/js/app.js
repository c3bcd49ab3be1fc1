// 众创 page behaviour: CSRF for htmx, confirmations before irreversible actions, region cascades.
(function () {
  'use strict';

  function csrf() {
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    return token && header ? { header: header.content, token: token.content } : null;
  }

  document.addEventListener('htmx:configRequest', function (e) {
    var c = csrf();
    if (c) { e.detail.headers[c.header] = c.token; }
  });

  // A form answered 422 comes back with its messages next to the fields: show it.
  document.addEventListener('htmx:beforeSwap', function (e) {
    if (e.detail.xhr.status === 422) {
      e.detail.shouldSwap = true;
      e.detail.isError = false;
    }
  });

  // {decision} in a confirmation names the decision chosen on the form (通过, 退回补正, 不予通过).
  function confirmText(form) {
    var text = form.dataset.confirm;
    if (text.indexOf('{decision}') >= 0) {
      var checked = form.querySelector('input[name="decision"]:checked');
      var label = checked && form.querySelector('label[for="' + checked.id + '"]');
      text = text.replace('{decision}', label ? label.textContent.trim() : '');
      // {next}: what the chosen decision leads to (the next stage, the recognition, the end)
      text = text.replace('{next}', checked && checked.dataset.next ? checked.dataset.next : '');
    }
    return text;
  }

  // A form with data-confirm asks first, naming the consequence.
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (form.dataset && form.dataset.confirm && !window.confirm(confirmText(form))) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // A list's page size (form="filters", outside the form): a new size asks the list again from page 1.
  document.addEventListener('change', function (e) {
    var el = e.target;
    if (el.matches && el.matches('[data-zc-submit]') && el.form) {
      if (el.form.requestSubmit) { el.form.requestSubmit(); } else { el.form.submit(); }
    }
  });

  // Region picker: three selects (省 → 市 → 区县) writing the deepest choice into a hidden input.
  function fill(select, regions, selected, placeholder) {
    select.innerHTML = '';
    var empty = document.createElement('option');
    empty.value = '';
    empty.textContent = placeholder;
    select.appendChild(empty);
    regions.forEach(function (r) {
      var o = document.createElement('option');
      o.value = r.code;
      o.textContent = r.name;
      if (r.code === selected) { o.selected = true; }
      select.appendChild(o);
    });
    select.disabled = regions.length === 0;
  }

  function children(code) {
    return fetch('/api/v1/regions?parent=' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; });
  }

  function path(code) {
    if (!code) { return Promise.resolve([]); }
    return fetch('/api/v1/regions/' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : { path: [] }; })
      .then(function (d) { return d.path.map(function (r) { return r.code; }).filter(function (c) { return c !== '000000'; }); });
  }

  function initPicker(picker) {
    if (picker.dataset.ready) { return; }
    picker.dataset.ready = '1';
    var hidden = picker.querySelector('input[type=hidden]');
    var selects = picker.querySelectorAll('select');
    var labels = ['省/直辖市', '市/州', '区/县'];
    function load(level, parent, selected) {
      for (var i = level; i < selects.length; i++) { fill(selects[i], [], null, labels[i]); }
      if (level >= selects.length || parent === undefined) { return Promise.resolve(); }
      return children(parent).then(function (list) { fill(selects[level], list, selected, labels[level]); });
    }
    selects.forEach(function (select, level) {
      select.addEventListener('change', function () {
        var value = select.value || (level > 0 ? selects[level - 1].value : '');
        hidden.value = value;
        if (select.value) { load(level + 1, select.value, null); } else { load(level + 1, undefined); }
        hidden.dispatchEvent(new Event('change', { bubbles: true }));
      });
    });
    path(picker.dataset.value).then(function (codes) {
      var chain = load(0, '000000', codes[0] || null);
      codes.forEach(function (code, i) {
        chain = chain.then(function () { return load(i + 1, code, codes[i + 1] || null); });
      });
      return chain;
    });
  }

  // Credit codes are checked as they are typed: the reason, or the registering region.
  function initCreditCode(input) {
    if (input.dataset.ready) { return; }
    input.dataset.ready = '1';
    var hint = input.parentElement.querySelector('.zc-credit-hint');
    input.addEventListener('input', function () {
      var code = input.value.trim();
      if (!hint) { return; }
      if (code.length < 18) { hint.textContent = ''; input.classList.remove('is-valid'); return; }
      fetch('/api/v1/reference/credit-codes/' + encodeURIComponent(code), { headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (d) {
          input.classList.toggle('is-valid', d.valid);
          hint.classList.toggle('text-danger', !d.valid);
          hint.textContent = d.valid ? ('登记机关所在地：' + (d.registrationRegionName || d.registrationRegion)) : d.reason;
        });
    });
  }

  // A native date picker speaks the browser's language: echo the day in Chinese under it
  // (2026年12月1日), and the format 年-月-日 while it is empty.
  function dateText(value) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
    return m ? (m[1] + '年' + Number(m[2]) + '月' + Number(m[3]) + '日') : '格式：年-月-日';
  }

  function initDate(input) {
    if (input.dataset.zcDate) { return; }
    input.dataset.zcDate = '1';
    if (!input.title) { input.title = '日期（年-月-日）'; }
    if (input.closest('.input-group, .zc-filter')) { return; }
    var echo = document.createElement('div');
    echo.className = 'form-text zc-date-echo';
    echo.setAttribute('aria-live', 'polite');
    echo.textContent = dateText(input.value);
    input.insertAdjacentElement('afterend', echo);
    var update = function () { echo.textContent = dateText(input.value); };
    input.addEventListener('input', update);
    input.addEventListener('change', update);
  }

  function initAll(root) {
    (root || document).querySelectorAll('.zc-region-picker').forEach(initPicker);
    (root || document).querySelectorAll('[data-credit-code]').forEach(initCreditCode);
    (root || document).querySelectorAll('input[type="date"]').forEach(initDate);
  }

  document.addEventListener('change', function (e) {
    if (e.target.matches && e.target.matches('select[data-autosubmit]')) { e.target.form.submit(); }
  });
  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-print]')) { window.print(); }
  });

  document.addEventListener('DOMContentLoaded', function () { initAll(document); });
  document.addEventListener('htmx:afterSwap', function (e) { initAll(e.target); });

  // Polled fragments (data-poll-visible, the unread badge): no request while the tab is hidden,
  // and nothing swapped in but their own answer (not, say, a redirect to the password page).
  document.addEventListener('htmx:beforeRequest', function (e) {
    if (e.detail.elt && e.detail.elt.hasAttribute && e.detail.elt.hasAttribute('data-poll-visible') && document.hidden) {
      e.preventDefault();
    }
  });
  document.addEventListener('htmx:beforeSwap', function (e) {
    var elt = e.detail.elt;
    if (elt && elt.hasAttribute && elt.hasAttribute('data-poll-visible') && e.detail.xhr.responseURL
        && e.detail.xhr.responseURL.indexOf(elt.getAttribute('hx-get')) < 0) {
      e.detail.shouldSwap = false;
    }
  });
})();

// 返回上一页 on error pages (no inline script under the CSP).
document.addEventListener('click', function (e) {
  var back = e.target.closest && e.target.closest('[data-zc-back]');
  if (back) {
    e.preventDefault();
    if (window.history.length > 1) { window.history.back(); } else { window.location.href = '/'; }
  }
});

// Sidebar groups: collapsed or open as the user left them (per browser).
(function () {
  var groups = document.querySelectorAll('.zc-sidebar details.zc-nav-group');
  groups.forEach(function (d) {
    var summary = d.querySelector('summary');
    var key = 'zc-nav:' + (summary ? summary.textContent.trim() : '');
    try {
      if (window.localStorage.getItem(key) === 'closed' && !d.querySelector('a.active')) { d.open = false; }
    } catch (e) { /* storage unavailable */ }
    d.addEventListener('toggle', function () {
      try { window.localStorage.setItem(key, d.open ? 'open' : 'closed'); } catch (e) { /* ignore */ }
    });
  });
})();
