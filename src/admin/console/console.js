// The operations console: plain JavaScript against the admin API. The token lives in sessionStorage
// (gone when the tab closes) and travels as a Bearer header; every text is set with textContent.
'use strict';

(function () {
  const API = '/api/admin';
  const TOKEN_KEY = 'iys-admin-token';
  const NAME_KEY = 'iys-admin-name';

  const STEPS = [
    ['preApplication', 'Ön başvuru'],
    ['applicationStatus', 'Başvuru durumu'],
    ['codes', 'İYSKod ve BrandKod'],
    ['package', 'İLETİ paketi'],
    ['partnerAssignment', 'İş Ortağı ataması'],
    ['panel', 'Panel bilgileri'],
  ];
  const STEP_LABEL = Object.fromEntries([...STEPS, ['finished', 'Tamamlandı']]);
  const STATUS_LABEL = {
    not_started: 'Başlamadı',
    in_progress: 'Devam ediyor',
    waiting: 'Bekliyor',
    done: 'Tamamlandı',
    skipped: 'Atlandı',
  };
  const REMINDER_LABEL = {
    awaiting_iys_code: 'İYSKod bekleniyor',
    awaiting_partner_confirmation: 'İş Ortağı onayı bekleniyor',
    payment_pending: 'Ödeme bekleniyor',
    form_abandoned: 'Yarım kalan form',
  };
  const FIELD_LABEL = {
    tradeTitle: 'Ticari unvan',
    vkn: 'VKN',
    mersisNo: 'MERSİS no',
    taxOffice: 'Vergi dairesi',
    website: 'Web sitesi',
    phone: 'Telefon',
    city: 'İl',
    district: 'İlçe',
    address: 'Adres',
    signatoryName: 'Yetkili adı',
    signatoryTckn: 'Yetkili TCKN',
    signatoryPassport: 'Yetkili pasaport',
    signatoryEmail: 'Yetkili e-posta',
    signatoryMobile: 'Yetkili cep telefonu',
    applicationNo: 'Başvuru no',
    iysCode: 'İYSKod',
    brandCodes: 'BrandKod',
    packageTier: 'Paket',
    brands: 'Markalar',
    partnerConfirmed: 'Atama onayı',
    partnerDeclaredAt: 'Atama bildirimi',
    paymentMethod: 'Ödeme yöntemi',
    orderCode: 'Sipariş kodu',
  };

  const $ = (id) => document.getElementById(id);
  let currentCase = null;

  /** Builds an element; children are nodes or strings (always text, never HTML). */
  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else node.setAttribute(key, value);
    }
    for (const child of children) {
      if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
  }

  function show(view) {
    for (const id of ['login-view', 'list-view', 'case-view']) $(id).hidden = id !== view;
    $('nav').hidden = view === 'login-view';
  }

  function when(iso) {
    if (!iso) return '';
    return new Date(iso).toLocaleString('tr-TR', { dateStyle: 'short', timeStyle: 'short' });
  }

  function headers(extra) {
    const h = { Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) || ''}`, ...extra };
    const name = sessionStorage.getItem(NAME_KEY);
    if (name) h['X-Actor'] = encodeURIComponent(name);
    return h;
  }

  async function api(path, options) {
    const init = { ...(options || {}) };
    init.headers = headers(init.body ? { 'Content-Type': 'application/json' } : {});
    const res = await fetch(API + path, init);
    if (res.status === 401) {
      logout('Oturum geçersiz; anahtarı yeniden girin. (Token rejected.)');
      throw new Error('unauthorized');
    }
    return res;
  }

  async function apiJson(path, options) {
    const res = await api(path, options);
    const body = res.status === 204 ? {} : await res.json();
    if (!res.ok) {
      const error = new Error(body.message || `HTTP ${res.status}`);
      error.body = body;
      error.status = res.status;
      throw error;
    }
    return body;
  }

  function logout(message) {
    sessionStorage.removeItem(TOKEN_KEY);
    show('login-view');
    $('login-error').hidden = !message;
    $('login-error').textContent = message || '';
  }

  // ---- login ----

  async function login(event) {
    event.preventDefault();
    sessionStorage.setItem(TOKEN_KEY, $('login-token').value.trim());
    const name = $('login-name').value.trim();
    if (name) sessionStorage.setItem(NAME_KEY, name);
    else sessionStorage.removeItem(NAME_KEY);
    $('login-token').value = '';
    $('whoami').textContent = name ? `Kullanıcı: ${name}` : '';
    try {
      await apiJson('/stats');
      $('login-error').hidden = true;
      route();
    } catch (err) {
      if (err.message !== 'unauthorized') logout(`Bağlantı hatası: ${err.message}`);
    }
  }

  // ---- list ----

  function fillSelect(select, options) {
    select.replaceChildren(...options.map(([value, label]) => el('option', { value }, label)));
  }

  function filterQuery() {
    const params = new URLSearchParams();
    for (const [id, name] of [
      ['f-step', 'step'],
      ['f-status', 'status'],
      ['f-channel', 'channel'],
      ['f-min', 'minIdleDays'],
      ['f-max', 'maxIdleDays'],
      ['f-q', 'q'],
    ]) {
      const value = $(id).value.trim();
      if (value) params.set(name, value);
    }
    return params;
  }

  function renderStats(stats) {
    const tiles = [
      ['Toplam', stats.total, ''],
      ['Takılan (7+ gün)', stats.stuck, 'warn'],
      ...STEPS.map(([id, label]) => [label, stats.byStep[id], '']),
      ['Tamamlandı', stats.byStep.finished, 'good'],
    ];
    $('stats').replaceChildren(
      ...tiles.map(([label, count, kind]) =>
        el('div', { class: `stat ${kind}` }, el('strong', {}, count), el('span', {}, label)),
      ),
    );
    const max = Math.max(stats.total, 1);
    $('funnel').replaceChildren(
      ...stats.funnel.map((row) => {
        const bar = el('div', { class: 'bar' }, el('div', { class: 'fill' }));
        bar.firstChild.style.width = `${(100 * row.reached) / max}%`;
        const done = el('div', { class: 'fill done' });
        done.style.width = `${(100 * row.finished) / max}%`;
        bar.append(done);
        return el(
          'div',
          { class: 'funnel-row' },
          el('span', { class: 'label' }, STEP_LABEL[row.step]),
          bar,
          el('span', { class: 'num' }, `${row.reached} / ${row.finished}`),
        );
      }),
      el('p', { class: 'muted' }, 'ulaşan / tamamlayan (reached / finished)'),
    );
  }

  function renderCases(body) {
    $('list-summary').textContent =
      `${body.total} vaka, takılanlar önce (stuck first)` +
      (body.unreadable ? ` · okunamayan kayıt: ${body.unreadable}` : '');
    const rows = body.cases.map((c) =>
      el(
        'tr',
        { class: c.stuck ? 'stuck' : '', 'data-case-id': c.id },
        el('td', {}, el('a', { href: `#/case/${encodeURIComponent(c.id)}` }, c.tradeTitle || c.id)),
        el('td', {}, STEP_LABEL[c.step] || c.step),
        el('td', {}, el('span', { class: `badge ${c.status}` }, STATUS_LABEL[c.status] || c.status)),
        el('td', {}, c.channel || '–'),
        el(
          'td',
          { class: 'num' },
          c.idleDays,
          c.stuck ? el('span', { class: 'badge stuck' }, 'takıldı') : null,
        ),
        el('td', {}, when(c.updatedAt)),
      ),
    );
    $('cases').tBodies[0].replaceChildren(...rows);
  }

  async function loadList() {
    show('list-view');
    const [stats, list] = await Promise.all([apiJson('/stats'), apiJson(`/cases?${filterQuery()}`)]);
    renderStats(stats);
    renderCases(list);
  }

  async function exportCsv() {
    const res = await api(`/cases.csv?${filterQuery()}`);
    const url = URL.createObjectURL(await res.blob());
    const link = el('a', { href: url, download: 'iys-vakalar.csv' });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  // ---- case ----

  function dataRows(data) {
    return Object.entries(data).map(([key, value]) => {
      let text = value;
      if (key === 'brands') text = value.map((b) => b.name).join(', ');
      else if (key === 'partnerConfirmed') {
        text = Object.entries(value)
          .map(([b, c]) => `${b}: ${c.by}, ${when(c.at)}`)
          .join(' · ');
      } else if (key === 'brandCodes') {
        text = Object.entries(value)
          .map(([b, c]) => `${b}: ${c}`)
          .join(', ');
      } else if (typeof value === 'object') text = JSON.stringify(value);
      return el('tr', {}, el('th', {}, FIELD_LABEL[key] || key), el('td', {}, String(text)));
    });
  }

  function auditDetail(event) {
    const parts = [];
    if (event.step) parts.push(`${STEP_LABEL[event.step]}: ${event.from} → ${event.to}`);
    if (event.fields) parts.push(event.fields.join(', '));
    if (event.detail) parts.push(event.detail);
    return parts.join(' · ');
  }

  function renderCase(view) {
    currentCase = view;
    const s = view.summary;
    $('case-title').textContent = s.tradeTitle || s.id;
    $('case-meta').textContent =
      `${s.id} · ${STEP_LABEL[s.step]} (${STATUS_LABEL[s.status]}) · ${s.idleDays} gündür değişmedi · ` +
      `kanal: ${s.channel || '–'}`;
    $('case-steps').replaceChildren(
      ...view.steps.map((step) =>
        el(
          'li',
          { class: `${step.status}${step.current ? ' current' : ''}`, 'data-step': step.id },
          el('strong', {}, STEP_LABEL[step.id]),
          el('span', { class: `badge ${step.status}` }, STATUS_LABEL[step.status]),
          el('small', {}, when(step.updatedAt)),
        ),
      ),
    );
    $('mask-note').textContent = view.revealed
      ? 'Kişisel veriler açık; bu görüntüleme denetim kaydına yazıldı.'
      : 'Kişisel veriler maskelendi (KVKK).';
    $('reveal').hidden = view.revealed;
    $('case-data').tBodies[0].replaceChildren(...dataRows(view.data));
    const brands = (view.data.brands || []).map((b) => b.name);
    $('codes-iys').value = view.data.iysCode || '';
    $('codes-brands').replaceChildren(
      ...brands.map((brand, i) =>
        el(
          'label',
          {},
          `BrandKod – ${brand}`,
          el('input', {
            type: 'text',
            inputmode: 'numeric',
            maxlength: '30',
            'data-brand': brand,
            id: `codes-brand-${i}`,
            value: (view.data.brandCodes || {})[brand] || '',
          }),
        ),
      ),
    );
    const confirmed = view.data.partnerConfirmed || {};
    $('partner-state').textContent = brands.length
      ? brands
          .map((b) => `${b}: ${confirmed[b] ? `onaylı (${confirmed[b].by})` : 'onay bekliyor'}`)
          .join(' · ')
      : 'Marka yok.';
    $('case-reminders').replaceChildren(
      ...(view.pendingReminders.length
        ? view.pendingReminders.map((r) =>
            el('li', {}, `${REMINDER_LABEL[r.kind] || r.kind} — ${when(r.at)} (deneme ${r.attempt + 1})`),
          )
        : [el('li', { class: 'muted' }, 'Bekleyen hatırlatma yok.')]),
    );
    $('case-channels').replaceChildren(
      ...view.channels.map((c) => el('li', {}, `${c.channelId} — son: ${when(c.lastSeenAt || c.addedAt)}`)),
    );
    $('case-transcript').replaceChildren(
      ...(view.transcript.length
        ? view.transcript.map((line) =>
            el(
              'li',
              { class: line.from },
              el('small', {}, `${when(line.at)} · ${line.by || line.from}`),
              el('div', {}, line.text),
            ),
          )
        : [el('li', { class: 'muted' }, 'Konuşma kaydı yok.')]),
    );
    $('case-audit').tBodies[0].replaceChildren(
      ...[...view.audit]
        .reverse()
        .map((e) =>
          el(
            'tr',
            { 'data-type': e.type },
            el('td', {}, when(e.at)),
            el('td', {}, `${e.actor.kind}: ${e.actor.id}`),
            el('td', {}, e.type),
            el('td', {}, auditDetail(e)),
          ),
        ),
    );
  }

  async function loadCase(id, reveal) {
    show('case-view');
    for (const id of ['codes-error', 'partner-error', 'action-ok']) $(id).hidden = true;
    renderCase(await apiJson(`/cases/${encodeURIComponent(id)}${reveal ? '?reveal=1' : ''}`));
  }

  function flash(id, text) {
    $(id).textContent = text;
    $(id).hidden = false;
  }

  function problem(err) {
    const errors = err.body && err.body.errors;
    if (!errors) return err.message;
    return Object.entries(errors)
      .map(([field, list]) => `${field}: ${list.map((i) => i.code).join(', ')}`)
      .join('; ');
  }

  async function act(run, errorId, okText) {
    $('action-ok').hidden = true;
    if (errorId) $(errorId).hidden = true;
    try {
      await run();
      await loadCase(currentCase.summary.id, false);
      flash('action-ok', okText);
    } catch (err) {
      if (err.message !== 'unauthorized') flash(errorId || 'action-ok', problem(err));
    }
  }

  function caseApi(suffix, body, method) {
    const path = `/cases/${encodeURIComponent(currentCase.summary.id)}${suffix}`;
    return apiJson(path, { method: method || 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });
  }

  // ---- routing and wiring ----

  async function route() {
    if (!sessionStorage.getItem(TOKEN_KEY)) return logout();
    const match = /^#\/case\/(.+)$/.exec(location.hash);
    try {
      if (match) await loadCase(decodeURIComponent(match[1]), false);
      else await loadList();
    } catch (err) {
      if (err.message !== 'unauthorized') flash('action-ok', `Hata: ${err.message}`);
    }
  }

  document.addEventListener('DOMContentLoaded', () => {
    fillSelect($('f-step'), [['', 'Tümü'], ...STEPS, ['finished', 'Tamamlandı']]);
    fillSelect($('f-status'), [['', 'Tümü'], ...Object.entries(STATUS_LABEL)]);
    const name = sessionStorage.getItem(NAME_KEY);
    $('whoami').textContent = name ? `Kullanıcı: ${name}` : '';
    $('login-form').addEventListener('submit', login);
    $('logout').addEventListener('click', () => logout());
    $('filters').addEventListener('submit', (event) => {
      event.preventDefault();
      if (location.hash && location.hash !== '#/') location.hash = '#/';
      else void route();
    });
    $('clear-filters').addEventListener('click', () => {
      $('filters').reset();
      void route();
    });
    $('export-csv').addEventListener('click', () => void exportCsv());
    $('reveal').addEventListener('click', () => void loadCase(currentCase.summary.id, true));
    $('codes-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const brandCodes = {};
      for (const input of $('codes-brands').querySelectorAll('input')) {
        brandCodes[input.dataset.brand] = input.value.trim();
      }
      void act(
        () => caseApi('/codes', { iysCode: $('codes-iys').value.trim(), brandCodes }),
        'codes-error',
        'Kodlar kaydedildi.',
      );
    });
    $('confirm-partner').addEventListener('click', () =>
      act(() => caseApi('/partner-confirmation', {}), 'partner-error', 'İş Ortağı ataması onaylandı.'),
    );
    $('note-form').addEventListener('submit', (event) => {
      event.preventDefault();
      const text = $('note-text').value.trim();
      void act(() => caseApi('/notes', { text }), null, 'Not eklendi.').then(() => {
        $('note-text').value = '';
      });
    });
    $('erase').addEventListener('click', () => {
      const question =
        'Bu vaka ve müşteriye ait her şey (konuşma, döküm, hatırlatmalar) kalıcı olarak silinecek; ' +
        'yalnızca anonim bir kayıt kalır. Emin misiniz? (Erase the case and all its data?)';
      if (!window.confirm(question)) return;
      // The case no longer exists afterwards: back to the list.
      void caseApi('', null, 'DELETE').then(
        () => {
          location.hash = '#/';
        },
        (err) => {
          if (err.message !== 'unauthorized') flash('action-ok', problem(err));
        },
      );
    });
    window.addEventListener('hashchange', () => void route());
    void route();
  });
})();
