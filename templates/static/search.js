// Arabic search for search.html, on a host (Pagefind) and from a folder (script shards).
// Query words become search forms exactly as generator/search.py makes the index's:
// the tables come from search/tables.js, written by the build from generator/arabic.py.
"use strict";

(function () {
  const root = document.querySelector("[data-search]");
  const base = root ? root.dataset.base : "";
  const store = { tables: null, meta: null, docs: {}, terms: {}, waiting: {} };

  // Shards call window.__search(kind, key, data) when their <script> runs.
  window.__search = function (kind, key, data) {
    if (kind === "docs") store.docs[key] = data;
    else if (kind === "terms") store.terms[key] = data;
    else store[kind] = data;
    const done = store.waiting[kind + ":" + key];
    if (done) done();
  };

  function load(kind, key, file) {
    const have = kind === "docs" ? store.docs[key] : kind === "terms" ? store.terms[key] : store[kind];
    if (have) return Promise.resolve();
    return new Promise(function (resolve, reject) {
      store.waiting[kind + ":" + key] = resolve;
      const script = document.createElement("script");
      script.src = base + "search/" + file;
      script.onerror = function () { reject(new Error("missing " + file)); };
      document.head.appendChild(script);
    });
  }

  // --- normalization: the same as generator.search.search_stem ---------------------------
  let rx = null;
  function regexes(t) {
    if (!rx) {
      rx = {
        diacritics: new RegExp(t.diacritics, "gu"),
        invisible: new RegExp(t.invisible, "gu"),
        alef: new RegExp(t.alef, "gu"),
        space: /[\s\u00a0\u2000-\u200a\u202f\u205f\u3000]+/gu,
        variants: t.variants.map(function (v) { return [new RegExp(v[0], "gu"), v[1]]; }),
      };
    }
    return rx;
  }

  function matchingKey(text) {
    const t = store.tables, r = regexes(t);
    let s = text.replace(/[\ufb50-\ufdff\ufe70-\ufefe]/gu, function (c) { return c.normalize("NFKC"); });
    s = s.replace(/\u0640/gu, "").replace(r.invisible, "").replace(r.diacritics, "");
    s = s.replace(r.alef, "\u0627");
    s = Array.from(s, function (c) { return t.folds[c] || t.digits[c] || c; }).join("");
    s = s.toLowerCase().replace(r.space, " ").trim();
    r.variants.forEach(function (v) { s = s.replace(v[0], v[1]); });
    return s;
  }

  function cliticVariants(token) {
    const t = store.tables, out = [token];
    t.proclitics.forEach(function (clitic) {
      if (token.startsWith(clitic) && token.length - clitic.length >= t.minStem) {
        const stem = token.slice(clitic.length);
        if (out.indexOf(stem) < 0) out.push(stem);
        if ((clitic.endsWith("ال") || clitic.endsWith("لل")) && out.indexOf("ال" + stem) < 0) out.push("ال" + stem);
      }
    });
    return out;
  }

  // The forms of a word: its key and its readings without a proclitic (search_forms).
  const formsCache = new Map();  // result texts are re-read for filters, phrases and snippets
  function formsOf(word) {
    let forms = formsCache.get(word);
    if (forms === undefined) {
      const key = matchingKey(word);
      forms = key ? cliticVariants(key) : [];
      formsCache.set(word, forms);
    }
    return forms;
  }

  function textForms(text) {
    return (matchingKey(text).match(/[\p{L}\p{M}\p{N}_]+/gu) || []).map(formsOf).filter(function (f) { return f.length; });
  }

  function shares(a, b) { return a.some(function (f) { return b.indexOf(f) >= 0; }); }

  // A query: words (each a list of forms), and "quoted phrases" whose words must be adjacent.
  function parseQuery(q) {
    const phrases = [];
    const rest = q.replace(/["«»“”]([^"«»“”]+)["«»“”]/gu, function (_, p) { phrases.push(textForms(p)); return " " + p + " "; });
    const seen = {}, terms = [];
    textForms(rest).forEach(function (forms) { if (!seen[forms[0]]) { seen[forms[0]] = true; terms.push(forms); } });
    return { terms: terms, phrases: phrases.filter(function (p) { return p.length > 1; }) };
  }

  // Articles that have every query word, scored: per word, the union over its forms.
  function intersect(perTerm) {
    let scores = null;
    perTerm.forEach(function (found) {
      if (scores === null) { scores = found; return; }
      const next = new Map();
      scores.forEach(function (s, d) { if (found.has(d)) next.set(d, s + found.get(d)); });
      scores = next;
    });
    return Array.from((scores || new Map()).entries()).map(function (e) { return { doc: e[0], score: e[1] }; });
  }

  // --- engines -----------------------------------------------------------------------------
  // Each returns [{doc: index, score}] for the terms, filters applied later for offline.
  const offline = {
    name: "offline",
    search: async function (query) {
      const forms = [].concat.apply([], query.terms);
      const keys = Array.from(new Set(forms.map(function (f) { return f.codePointAt(0).toString(16); })));
      await Promise.all(keys.filter(function (k) { return store.meta.shards.indexOf(k) >= 0; })
        .map(function (k) { return load("terms", k, "terms-" + k + ".js"); }));
      return intersect(query.terms.map(function (termForms) {
        const found = new Map();
        termForms.forEach(function (form) {
          const postings = (store.terms[form.codePointAt(0).toString(16)] || {})[form] || [];
          const idf = Math.log(1 + store.meta.docs / Math.max(1, postings.length / 2));
          for (let i = 0; i < postings.length; i += 2) {
            found.set(postings[i], Math.max(found.get(postings[i]) || 0, postings[i + 1] * idf));
          }
        });
        return found;
      }));
    },
  };

  let pagefind = null;
  const PAGEFIND_RESULTS_PER_FORM = 100;
  // One Pagefind search at a time: overlapping calls share its chunk loading, and the one
  // empty answer to a known word seen so far (a loaded CI run) came from overlapping calls.
  let pagefindQueue = Promise.resolve();
  function pagefindSearch(form) {
    const answer = pagefindQueue.then(function () { return pagefind.search(form); });
    pagefindQueue = answer.catch(function () {});
    return answer;
  }
  const hosted = {
    name: "pagefind",
    search: async function (query) {
      const perTerm = await Promise.all(query.terms.map(async function (termForms) {
        const found = new Map();
        for (const form of termForms) {
          // Each result's data is a download: only the best ones per form are fetched.
          const answer = await pagefindSearch(form);
          const top = answer.results.slice(0, PAGEFIND_RESULTS_PER_FORM);
          const data = await Promise.all(top.map(function (r) { return r.data(); }));
          data.forEach(function (d, i) {
            const doc = Number(d.meta.doc);
            found.set(doc, Math.max(found.get(doc) || 0, top[i].score));
          });
        }
        return found;
      }));
      return intersect(perTerm);
    },
  };

  async function engine() {
    if (location.protocol === "http:" || location.protocol === "https:") {
      try {
        // import() resolves against this script's URL, not the page's: make it absolute.
        const bundle = new URL(base + "pagefind/", document.baseURI).href;
        pagefind = await import(bundle + "pagefind.js");
        await pagefind.options({ basePath: bundle });
        await pagefind.init();
        return hosted;
      } catch (e) {
        console.warn("Pagefind unavailable, using the offline index", e);
      }
    }
    return offline;
  }

  // --- results -----------------------------------------------------------------------------
  async function docsFor(indexes) {
    const per = store.meta.docsPerShard;
    const shards = Array.from(new Set(indexes.map(function (i) { return Math.floor(i / per); })));
    await Promise.all(shards.map(function (s) { return load("docs", s, "docs-" + s + ".js"); }));
    return indexes.map(function (i) { return store.docs[Math.floor(i / per)][i % per]; });
  }

  function hasPhrase(words, phrase) {
    outer: for (let i = 0; i + phrase.length <= words.length; i++) {
      for (let j = 0; j < phrase.length; j++) if (!shares(words[i + j], phrase[j])) continue outer;
      return true;
    }
    return false;
  }

  function matchesTerm(word, terms) {
    const forms = formsOf(word);
    return forms.length > 0 && terms.some(function (t) { return shares(forms, t); });
  }

  function passesFilters(doc, filters) {
    return Object.keys(filters).every(function (f) {
      return !filters[f] || (doc.facets[f] || []).indexOf(filters[f]) >= 0;
    });
  }

  // The paragraph with most query words, and a window of words around the first one.
  function bestParagraph(doc, terms) {
    let best = null;
    doc.paras.forEach(function (p) {
      const words = p[1].split(/\s+/);
      const hits = words.map(function (w) { return matchesTerm(w, terms); });
      const n = hits.filter(Boolean).length;
      if (n && (!best || n > best.n)) best = { id: p[0], words: words, hits: hits, n: n };
    });
    return best;
  }

  function snippet(best) {
    const first = best.hits.indexOf(true);
    const start = Math.max(0, first - 12), end = Math.min(best.words.length, first + 24);
    const frag = document.createDocumentFragment();
    if (start > 0) frag.append("… ");
    for (let i = start; i < end; i++) {
      if (best.hits[i]) {
        const mark = document.createElement("mark");
        mark.textContent = best.words[i];
        frag.append(mark);
      } else frag.append(best.words[i]);
      if (i < end - 1) frag.append(" ");
    }
    if (end < best.words.length) frag.append(" …");
    return frag;
  }

  // --- the page ------------------------------------------------------------------------------
  const form = root && root.querySelector("form");
  const input = root && root.querySelector("input[type=search]");
  const status = root && root.querySelector("[data-search-status]");
  const list = root && root.querySelector("[data-search-results]");
  const sortSelect = root && root.querySelector("select[name=sort]");
  const facetSelects = root ? Array.from(root.querySelectorAll("select[data-facet]")) : [];
  const text = root ? JSON.parse(root.dataset.ui) : {};
  let chosen = null, run = 0;

  function say(message) { status.textContent = message; }

  function fillFacets() {
    facetSelects.forEach(function (select) {
      (store.meta.facets[select.dataset.facet] || []).forEach(function (pair) {
        const option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[0] + " (" + pair[1] + ")";
        select.append(option);
      });
    });
  }

  function readState() {
    const params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    if (params.get("sort")) sortSelect.value = params.get("sort");
    facetSelects.forEach(function (s) { if (params.get(s.dataset.facet)) s.value = params.get(s.dataset.facet); });
  }

  function writeState() {
    const params = new URLSearchParams();
    if (input.value) params.set("q", input.value);
    if (sortSelect.value !== "relevance") params.set("sort", sortSelect.value);
    facetSelects.forEach(function (s) { if (s.value) params.set(s.dataset.facet, s.value); });
    const url = location.pathname + (params.toString() ? "?" + params : "");
    try { history.replaceState(null, "", url); } catch (e) { /* file:// in some browsers */ }
  }

  async function update() {
    const mine = ++run;
    const query = parseQuery(input.value);
    const filters = {};
    facetSelects.forEach(function (s) { filters[s.dataset.facet] = s.value; });
    writeState();
    list.replaceChildren();
    if (!query.terms.length) { say(text.prompt); return; }
    say(text.searching);
    let found = await chosen.search(query, filters);
    const docs = await docsFor(found.map(function (f) { return f.doc; }));
    if (mine !== run) return;
    let results = found.map(function (f, i) { return { doc: docs[i], score: f.score }; })
      .filter(function (r) { return passesFilters(r.doc, filters); })
      .filter(function (r) {
        return query.phrases.every(function (phrase) {
          return r.doc.paras.some(function (p) { return hasPhrase(textForms(p[1]), phrase); });
        });
      });
    // Pagefind also matches prefixes; keep what shares a form with every query word.
    results = results.filter(function (r) {
      const words = textForms(r.doc.title + " " + r.doc.paras.map(function (p) { return p[1]; }).join(" "));
      return query.terms.every(function (t) { return words.some(function (w) { return shares(w, t); }); });
    });
    const order = sortSelect.value;
    results.sort(function (a, b) {
      if (order !== "relevance") {
        const x = a.doc.date || (order === "newest" ? "" : "9999"), y = b.doc.date || (order === "newest" ? "" : "9999");
        if (x !== y) return order === "newest" ? (x < y ? 1 : -1) : (x < y ? -1 : 1);
      }
      return b.score - a.score || (a.doc.url < b.doc.url ? -1 : 1);
    });
    if (!results.length) { say(text.none.replace("{q}", input.value)); return; }
    say(text.count.replace("{n}", results.length).replace("{q}", input.value));
    results.forEach(function (r) {
      const best = bestParagraph(r.doc, query.terms);
      const li = document.createElement("li");
      li.className = "search-result";
      const h = document.createElement("h2");
      h.className = "search-result__title";
      const a = document.createElement("a");
      a.href = base + r.doc.url + (best ? "#" + best.id : "");
      a.textContent = r.doc.title;
      if (r.doc.lang !== "ar") { a.lang = r.doc.lang; a.dir = "ltr"; }
      h.append(a);
      const meta = document.createElement("p");
      meta.className = "card__meta";
      [r.doc.outlet, r.doc.dateText].filter(Boolean).forEach(function (v) {
        const span = document.createElement("span");
        span.textContent = v;
        meta.append(span);
      });
      li.append(h, meta);
      if (best) {
        const p = document.createElement("p");
        p.className = "search-result__snippet";
        p.append(snippet(best));
        li.append(p);
      }
      list.append(li);
    });
  }

  async function start() {
    if (!root) return;
    await Promise.all([load("tables", "", "tables.js"), load("meta", "", "meta.js")]);
    fillFacets();
    readState();
    chosen = await engine();
    root.dataset.engine = chosen.name;
    let timer = null;
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150); });
    form.addEventListener("submit", function (e) { e.preventDefault(); clearTimeout(timer); update(); });
    sortSelect.addEventListener("change", update);
    facetSelects.forEach(function (s) { s.addEventListener("change", update); });
    root.dataset.ready = "true";
    update();
  }

  window.searchForms = function (word) { return formsOf(word); };  // for tests and the curious
  start().catch(function (e) { if (status) say(text.failed); console.error(e); });
})();
