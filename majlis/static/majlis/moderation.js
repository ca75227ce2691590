/* Majlis moderator workspace: keyboard shortcuts on top of plain HTML forms.
 *
 * Every action here is a click on, or a submission of, a form that also works without JavaScript;
 * htmx (vendored) turns single decisions into in-place swaps. Shortcuts:
 *   j / k   next / previous comment (reserves it for this moderator: POST .../claim/)
 *   a       approve          r  reject, then 1-7 or the guideline's first letter (Enter confirms)
 *   x       select           Shift+A / Shift+R  approve / reject the selection
 *   o, Enter open the comment   ?  help
 */
(function () {
  "use strict";

  var current = null; // the <li> holding the current entry (it survives htmx's outerHTML swaps)
  var reasonMode = null; // {select, submit} while waiting for the guideline key after r / Shift+R

  function queue() { return document.querySelector("[data-queue]"); }
  function items() { var q = queue(); return q ? Array.prototype.slice.call(q.children) : []; }
  function entryOf(li) { return li ? li.querySelector("[data-entry]") : null; }
  function isOpen(li) { var e = entryOf(li); return e && !e.hasAttribute("data-decided"); }
  function csrfToken() { var i = document.querySelector("input[name=csrfmiddlewaretoken]"); return i ? i.value : ""; }

  function announce(text) {
    var region = document.getElementById("announcer");
    if (region) { region.textContent = ""; window.setTimeout(function () { region.textContent = text; }, 30); }
  }

  function post(url) {
    return fetch(url, { method: "POST", credentials: "same-origin", headers: { "X-CSRFToken": csrfToken(), "Accept": "application/json" } });
  }

  // Moving on from a comment gives it back, so skimming with j/k does not hide comments from colleagues.
  function release(entry) {
    var url = entry && entry.getAttribute("data-release-url");
    if (url && !entry.hasAttribute("data-decided") && entry.hasAttribute("data-claimed")) {
      entry.removeAttribute("data-claimed");
      post(url).catch(function () {});
    }
  }

  function claim(entry) {
    var url = entry && entry.getAttribute("data-claim-url");
    if (!url || entry.hasAttribute("data-decided")) return;
    post(url)
      .then(function (r) { return r.json().then(function (body) { return { ok: r.ok, body: body }; }); })
      .then(function (res) {
        if (res.ok) entry.setAttribute("data-claimed", "");
        if (!res.ok && res.body.holder) {
          entry.classList.add("held");
          announce(entry.getAttribute("data-held-text") || (res.body.holder + " …"));
        }
      })
      .catch(function () { /* the lease is a courtesy; the decision itself is checked on the server */ });
  }

  function setCurrent(li, focus) {
    if (!li) return;
    items().forEach(function (other) { var e = entryOf(other); if (e) e.classList.remove("current"); });
    if (current && current !== li) release(entryOf(current));
    current = li;
    var entry = entryOf(li);
    entry.classList.add("current");
    if (focus) {
      entry.focus({ preventScroll: true });
      entry.scrollIntoView({ block: "nearest" });
    }
    claim(entry);
  }

  function move(step) {
    var list = items().filter(isOpen);
    if (!list.length) { announce(document.documentElement.getAttribute("data-empty-text") || ""); return; }
    var at = list.indexOf(current);
    var next = at === -1 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    setCurrent(list[next], true);
  }

  function ensureCurrent() {
    if (current && isOpen(current)) return true;
    move(1);
    return current !== null && isOpen(current);
  }

  function submit(form, submitter) {
    if (!form) return;
    if (form.requestSubmit) { form.requestSubmit(submitter || undefined); } else if (submitter) { submitter.click(); } else { form.submit(); }
  }

  function prompt(show) {
    var p = document.querySelector("[data-reason-prompt]");
    if (p) p.hidden = !show;
  }

  function startReason(select, go) {
    reasonMode = { select: select, go: go };
    prompt(true);
    announce(document.querySelector("[data-reason-prompt]") ? document.querySelector("[data-reason-prompt]").textContent : "");
  }

  function stopReason() { reasonMode = null; prompt(false); }

  function options(select) { return Array.prototype.slice.call(select.options).filter(function (o) { return o.value; }); }

  function pickReason(key) {
    var select = reasonMode.select, opts = options(select);
    if (key === "Escape") { stopReason(); return true; }
    if (key === "Enter") { if (select.value) { var go = reasonMode.go; stopReason(); go(); } return true; }
    if (/^[1-9]$/.test(key) && Number(key) <= opts.length) {
      select.value = opts[Number(key) - 1].value;
      var run = reasonMode.go; stopReason(); run();
      return true;
    }
    if (/^[a-z]$/i.test(key)) {
      var matches = opts.filter(function (o) { return o.value.charAt(0) === key.toLowerCase(); });
      if (!matches.length) return true;
      if (matches.length === 1) { select.value = matches[0].value; var done = reasonMode.go; stopReason(); done(); return true; }
      var at = matches.map(function (o) { return o.value; }).indexOf(select.value);
      var chosen = matches[(at + 1) % matches.length];
      select.value = chosen.value;
      announce(chosen.textContent);
      return true;
    }
    return false;
  }

  function toggleSelected() {
    if (!ensureCurrent()) return;
    var box = entryOf(current).querySelector("[data-select]");
    if (!box) return;
    box.checked = !box.checked;
    selectionChanged();
  }

  function selected() { return Array.prototype.slice.call(document.querySelectorAll("[data-select]:checked")); }

  function selectionChanged() {
    items().forEach(function (li) {
      var e = entryOf(li), box = e && e.querySelector("[data-select]");
      if (e) e.classList.toggle("selected", !!(box && box.checked));
    });
    var count = document.querySelector("[data-bulk-count]");
    if (count) {
      var n = selected().length;
      count.textContent = (count.getAttribute("data-template") || "{n} selected").replace("{n}", n);
    }
  }

  function bulk(kind) {
    var form = document.getElementById("bulk");
    if (!form || !selected().length) { announce(form ? form.getAttribute("data-none-text") || "" : ""); return; }
    var approve = form.querySelector("[data-bulk-approve]"), reject = form.querySelector("[data-bulk-reject]");
    if (kind === "approve") { submit(form, approve); return; }
    var select = form.querySelector("[data-reason-select]");
    startReason(select, function () { submit(form, reject); });
  }

  function typing(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) && target.type !== "checkbox";
  }

  function toggleHelp() {
    var dialog = document.getElementById("shortcuts");
    if (!dialog || !dialog.showModal) return;
    if (dialog.open) { dialog.close(); } else { dialog.showModal(); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (reasonMode && pickReason(event.key)) { event.preventDefault(); return; }
    if (typing(event.target)) { if (event.key === "Escape") event.target.blur(); return; }
    var dialog = document.getElementById("shortcuts");
    if (dialog && dialog.open && event.key !== "?") return;
    var handled = true;
    switch (event.key) {
      case "j": move(1); break;
      case "k": move(-1); break;
      case "a": if (ensureCurrent()) submit(entryOf(current).querySelector(".approve-form")); break;
      case "r":
        if (ensureCurrent()) {
          var form = entryOf(current).querySelector(".reject-form");
          startReason(form.querySelector("[data-reason-select]"), function () { submit(form); });
        }
        break;
      case "x": toggleSelected(); break;
      case "A": bulk("approve"); break;
      case "R": bulk("reject"); break;
      case "o": case "Enter":
        if (current && event.target === entryOf(current)) { window.location.href = entryOf(current).getAttribute("data-open-url"); } else { handled = false; }
        break;
      case "?": toggleHelp(); break;
      default: handled = false;
    }
    if (handled) event.preventDefault();
  });

  document.addEventListener("focusin", function (event) {
    var li = event.target.closest && event.target.closest("[data-queue] > li");
    if (li && li !== current && isOpen(li)) setCurrent(li, false);
  });

  document.addEventListener("change", function (event) {
    if (event.target.matches && event.target.matches("[data-select]")) selectionChanged();
  });

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("[data-shortcuts-open]")) toggleHelp();
  });

  // After htmx swapped a decided entry in, carry on with the next open one.
  document.addEventListener("htmx:afterSettle", function (event) {
    var li = event.target.closest && event.target.closest("[data-queue] > li");
    if (!li) { var entry = event.detail && event.detail.elt; li = entry && entry.parentElement; }
    if (!li || !li.parentElement || !li.parentElement.hasAttribute("data-queue")) return;
    if (isOpen(li)) { setCurrent(li, true); return; }
    var open = items().filter(isOpen), after = open.filter(function (o) { return li.compareDocumentPosition(o) & Node.DOCUMENT_POSITION_FOLLOWING; });
    var next = after[0] || open[open.length - 1];
    if (next) { setCurrent(next, true); } else { current = null; }
    selectionChanged();
  });
})();
