// Live reload for `python build.py serve`. The preview server adds this script to the pages it
// serves; it is never part of the built site. The server announces each finished build over
// Server-Sent Events with the site paths whose bytes changed: a tab reloads when its own page
// or a file it loads is among them (a failed build always: the server then lays the error over
// the page), and a build that changed only stylesheets refreshes them in place.
(() => {
  "use strict";
  const script = document.currentScript;
  let pageBuild = script ? script.dataset.build : null;
  const pagePath = script && script.dataset.path ? script.dataset.path : null;  // null: reload on every build
  let source = null;

  // The site path a URL of this server names (the preview serves the site at its root).
  const sitePath = (url) => {
    try {
      return decodeURIComponent(new URL(url, location.href).pathname).replace(/^\//, "");
    } catch (e) {
      return "";
    }
  };

  // This page, and the scripts and stylesheets it has loaded (search shards included).
  const shown = () => {
    const paths = new Set([pagePath]);
    for (const el of document.querySelectorAll("script[src], link[rel=stylesheet][href]")) {
      paths.add(sitePath(el.src || el.href));
    }
    return paths;
  };

  const refreshStylesheets = () => {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      const url = new URL(link.href, location.href);
      if (url.origin !== location.origin) continue;
      url.searchParams.set("reload", Date.now().toString(36));
      link.href = url.href;
    }
  };

  const connect = () => {
    if (source) return;
    source = new EventSource("/__serve__/events");
    // On (re)connection the server says which build it serves: a tab that missed one reloads.
    source.addEventListener("hello", (event) => {
      if (pageBuild !== null && event.data !== pageBuild) location.reload();
    });
    source.addEventListener("reload", (event) => {
      const message = JSON.parse(event.data);
      const changed = message.changed || [];
      const showsError = document.querySelector(".serve-error") !== null;  // the fix may not change this page
      if (message.failed || message.more || pagePath === null || showsError) {
        location.reload();
      } else if (changed.length > 0 && changed.every((path) => path.endsWith(".css"))) {
        refreshStylesheets();
      } else {
        const mine = shown();
        if (changed.some((path) => mine.has(path))) location.reload();
        else pageBuild = message.build;  // nothing here changed: this page is that build's too
      }
    });
  };

  const disconnect = () => {
    if (source) source.close();
    source = null;
  };

  // Browsers allow about six connections per host: hidden tabs give theirs back.
  document.addEventListener("visibilitychange", () => (document.hidden ? disconnect() : connect()));
  if (!document.hidden) connect();
})();
