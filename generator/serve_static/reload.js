// Live reload for `python build.py serve`. The preview server adds this script to the pages it
// serves; it is never part of the built site. The server announces each finished build over
// Server-Sent Events; a build that changed only stylesheets refreshes them in place, anything
// else reloads the page (a failed build too: the server then lays the error over the page).
(() => {
  "use strict";
  const script = document.currentScript;
  const pageBuild = script ? script.dataset.build : null;
  let source = null;

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
      if (!message.failed && changed.length > 0 && changed.every((path) => path.endsWith(".css"))) {
        refreshStylesheets();
      } else {
        location.reload();
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
