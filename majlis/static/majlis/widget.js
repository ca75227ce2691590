/* Majlis comments widget: one dependency-free file, embedded with one tag.
 *
 *   <script src="https://comments.example/static/majlis/widget.js" data-majlis-article="SLUG-OR-PAGE-URL" async></script>
 *
 * Renders the article's approved comments and the comment form right after the tag (or inside the
 * element named by data-majlis-target), in the article's language and direction, through the JSON
 * API of the server the script came from. Everything a reader wrote is inserted as text
 * (textContent), never as HTML. Styles are scoped under the .majlis-w class. See docs/widget.md.
 */
(function () {
  "use strict";

  var P = "majlis-w";
  var FALLBACK = { load_failed: "Comments could not be loaded. Please try again later." };
  var script = document.currentScript || document.querySelector("script[data-majlis-article]:not([data-majlis-mounted])");
  if (!script || script.hasAttribute("data-majlis-mounted")) return;
  script.setAttribute("data-majlis-mounted", "");
  var api = new URL(script.src, location.href).origin + "/api/v1";
  var counter = 0;

  /* ---- DOM helpers: text only, attributes by name; never innerHTML. ---- */
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className.split(" ").map(function (c) { return P + "-" + c; }).join(" ");
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }
  function attrs(node, values) {
    Object.keys(values).forEach(function (name) { node.setAttribute(name, values[name]); });
    return node;
  }

  /* ---- HTTP ---- */
  function getJSON(path) {
    return fetch(api + path, { credentials: "omit", mode: "cors" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    });
  }
  function articleQuery(ref) {
    var isUrl = /^(https?:)?\/\//i.test(ref) || ref.charAt(0) === "/";
    if (!isUrl) return "/widget/article?slug=" + encodeURIComponent(ref);
    return "/widget/article?url=" + encodeURIComponent(new URL(ref, location.href).href) +
      "&title=" + encodeURIComponent(document.title || "") +
      "&lang=" + encodeURIComponent(document.documentElement.lang || "");
  }

  /* ---- Styles, once per page, scoped to .majlis-w; logical properties so RTL needs nothing more. ---- */
  function addStyles() {
    if (document.getElementById(P + "-styles") || document.documentElement.hasAttribute("data-" + P + "-styled")) return;
    var css = [
      ".P{font:inherit;color:inherit;line-height:1.6;max-inline-size:46rem;margin-block:2rem;border-block-start:3px solid currentColor}",
      ".P *{box-sizing:border-box}",
      ".P-heading{font-size:1.4em;margin-block:1rem .5rem}",
      ".P-guidelines{background:rgba(127,127,127,.1);border-radius:.5rem;padding:.5rem 1rem;margin-block:1rem}",
      ".P-guidelines summary{font-weight:650;cursor:pointer}",
      ".P-list{list-style:none;padding:0;margin:0}",
      ".P-comment{border-block-end:1px solid rgba(127,127,127,.35);padding-block:.75rem}",
      ".P-meta{margin:0;opacity:.8;font-size:.875em}",
      ".P-author{font-weight:700}",
      ".P-body{margin-block-start:.25rem;white-space:pre-line;overflow-wrap:anywhere}",
      ".P-more,.P-submit{font:inherit;font-weight:650;border-radius:.375rem;padding:.5rem 1.1rem;cursor:pointer}",
      ".P-more{margin-block:1rem;background:transparent;border:1px solid currentColor;color:inherit}",
      ".P-submit{background:#0b5cad;color:#fff;border:0}",
      ".P-submit[disabled]{opacity:.6;cursor:wait}",
      ".P-form{margin-block-start:1.5rem;background:rgba(127,127,127,.1);padding:1rem 1.25rem;border-radius:.5rem}",
      ".P-form h3{margin-block-start:0}",
      ".P-field{display:flex;flex-direction:column;gap:.25rem;margin-block:.75rem}",
      ".P-field label{font-weight:650}",
      ".P-field input,.P-field textarea{font:inherit;padding:.5rem;border:1px solid #8a8a96;border-radius:.375rem;background:#fff;color:#1d1d1f}",
      ".P-field [aria-invalid=true]{border:2px solid #a4161a}",
      ".P-error,.P-alert{color:#a4161a;font-weight:600;margin:0}",
      ".P-help{opacity:.8;font-size:.875em;margin:0}",
      ".P-notice{background:#e7f4ea;color:#1d1d1f;border-inline-start:4px solid #1e6b35;padding:.5rem 1rem;margin-block:1rem}",
      // The honeypot: out of sight and reach without an offset (a -10000px offset widens RTL pages).
      ".P-hp{position:absolute;inline-size:1px;block-size:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap;opacity:0}",
      ".P-powered{opacity:.7;font-size:.8em}"
    ].join("\n").replace(/\.P/g, "." + P);
    // A constructed stylesheet is not inline CSS, so a host page whose Content-Security-Policy
    // forbids inline styles still shows the widget styled; old browsers get a <style> element.
    if (window.CSSStyleSheet && "replaceSync" in CSSStyleSheet.prototype && "adoptedStyleSheets" in document) {
      var sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
      document.documentElement.setAttribute("data-" + P + "-styled", "");
      return;
    }
    var style = attrs(document.createElement("style"), { id: P + "-styles" });
    style.textContent = css;
    (document.head || document.documentElement).appendChild(style);
  }

  /* ---- Rendering ---- */
  // A comment's date: the browser's Intl when it speaks the article's language; otherwise (Chromium
  // resolves kmr, ku and ckb to en-US) the way the article pages write it, from the strings bundle:
  // Django's DATETIME_FORMAT (date_format) with its month names (month_1..month_12) and am/pm.
  function two(n) { return (n < 10 ? "0" : "") + n; }

  function formatLikePages(date, s) {
    var f = s.date_format || "", out = "", h = date.getHours();
    var codes = {
      j: date.getDate(), d: two(date.getDate()), n: date.getMonth() + 1, m: two(date.getMonth() + 1),
      F: s["month_" + (date.getMonth() + 1)], Y: date.getFullYear(), y: two(date.getFullYear() % 100),
      G: h, H: two(h), g: h % 12 || 12, h: two(h % 12 || 12), i: two(date.getMinutes()),
      A: h < 12 ? s.am : s.pm, a: h < 12 ? s.am : s.pm
    };
    for (var i = 0; i < f.length; i++) {
      var c = f.charAt(i);
      if (c === "\\") { out += f.charAt(++i); continue; }
      if (/[a-zA-Z]/.test(c)) {
        if (codes[c] === undefined) return "";  // a format code this copy does not know
        out += codes[c];
      } else {
        out += c;
      }
    }
    return out;
  }

  function formatDate(iso, lang, s) {
    var date = new Date(iso), intl = null;
    try {
      intl = new Intl.DateTimeFormat(lang, { dateStyle: "medium", timeStyle: "short" });
      if (intl.resolvedOptions().locale.split("-")[0] === lang.split("-")[0]) return intl.format(date);
    } catch (e) { /* no Intl, or no such locale */ }
    return formatLikePages(date, s) || (intl ? intl.format(date) : date.toLocaleString());
  }

  function commentItem(comment, lang, s) {
    var item = attrs(el("li", "comment"), { "data-comment-id": String(comment.id) });
    var meta = el("p", "meta");
    meta.appendChild(el("bdi", "author", comment.author));
    meta.appendChild(document.createTextNode(" · "));
    meta.appendChild(attrs(el("time", "", formatDate(comment.created_at, lang, s)), { datetime: comment.created_at }));
    item.appendChild(meta);
    item.appendChild(attrs(el("div", "body", comment.body), { dir: "auto" }));
    return item;
  }

  function field(form, uid, name, label, control, help) {
    var wrap = el("div", "field");
    var id = uid + "-" + name;
    control.id = id;
    control.name = name;
    control.required = true;
    wrap.appendChild(attrs(el("label", "", label), { "for": id }));
    var error = attrs(el("p", "error"), { id: id + "-error", hidden: "" });
    wrap.appendChild(error);
    wrap.appendChild(control);
    if (help) {
      wrap.appendChild(attrs(el("p", "help", help), { id: id + "-help" }));
      control.setAttribute("aria-describedby", id + "-help");
    }
    form.appendChild(wrap);
    return { control: control, error: error, help: help ? id + "-help" : "" };
  }

  function showFieldErrors(fields, errors) {
    Object.keys(fields).forEach(function (name) {
      var f = fields[name], messages = errors[name] || [];
      f.error.textContent = messages.join(" ");
      f.error.hidden = messages.length === 0;
      if (messages.length) {
        f.control.setAttribute("aria-invalid", "true");
        f.control.setAttribute("aria-describedby", (f.help + " " + f.error.id).trim());
      } else {
        f.control.removeAttribute("aria-invalid");
        if (f.help) f.control.setAttribute("aria-describedby", f.help); else f.control.removeAttribute("aria-describedby");
      }
    });
  }

  function buildForm(root, article, s) {
    var uid = P + "-" + (++counter);
    var form = attrs(el("form", "form"), { novalidate: "" });
    form.appendChild(el("h3", "", s.post));
    form.appendChild(el("p", "help", s.help));
    var alert = attrs(el("div", "alert"), { role: "alert" });
    form.appendChild(alert);
    var name = attrs(document.createElement("input"), { type: "text", autocomplete: "name", maxlength: String(article.name_max), dir: "auto" });
    var email = attrs(document.createElement("input"), { type: "email", autocomplete: "email", maxlength: "254" });
    var body = attrs(document.createElement("textarea"), { rows: "5", maxlength: String(article.comment_max), dir: "auto" });
    var fields = {
      author: field(form, uid, "author", s.name, name),
      email: field(form, uid, "email", s.email, email, s.email_help),
      body: field(form, uid, "body", s.comment, body)
    };
    var hp = attrs(el("div", "hp"), { "aria-hidden": "true" });
    var trap = attrs(document.createElement("input"), { type: "text", name: "website", tabindex: "-1", autocomplete: "off", id: uid + "-website" });
    hp.appendChild(attrs(el("label", "", s.honeypot), { "for": uid + "-website" }));
    hp.appendChild(trap);
    form.appendChild(hp);
    var submit = attrs(el("button", "submit", s.submit), { type: "submit" });
    form.appendChild(submit);
    var notice = attrs(el("div", "notice"), { role: "status", tabindex: "-1", hidden: "" });

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      alert.textContent = "";
      submit.disabled = true;
      submit.textContent = s.sending;
      var payload = { author: name.value, email: email.value, body: body.value, website: trap.value };
      fetch(api + "/articles/" + encodeURIComponent(article.slug) + "/comments", {
        method: "POST", mode: "cors", credentials: "omit",
        headers: { "Content-Type": "application/json", "Accept-Language": article.language },
        body: JSON.stringify(payload)
      }).then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (data) { return { status: response.status, data: data }; });
      }).then(function (result) {
        if (result.status === 202) {
          showFieldErrors(fields, {});
          body.value = "";
          notice.textContent = s.awaiting;
          notice.hidden = false;
          notice.focus();
        } else if (result.status === 422 && result.data.errors) {
          showFieldErrors(fields, result.data.errors);
          alert.textContent = s.fix;
          var first = Object.keys(fields).filter(function (k) { return result.data.errors[k]; })[0];
          if (first) fields[first].control.focus();
        } else {
          alert.textContent = result.data.detail || s.send_failed;
        }
      }).catch(function () {
        alert.textContent = s.send_failed;
      }).then(function () {
        submit.disabled = false;
        submit.textContent = s.submit;
      });
    });
    root.appendChild(notice);
    root.appendChild(form);
  }

  function render(root, article, s) {
    root.textContent = "";
    root.setAttribute("lang", article.language);
    root.setAttribute("dir", article.dir);
    var headingId = P + "-heading-" + (++counter);
    root.setAttribute("aria-labelledby", headingId);
    root.appendChild(attrs(el("h2", "heading", article.count_label), { id: headingId }));
    if (article.guidelines.length) {
      var details = attrs(el("details", "guidelines"), { open: "" });
      details.appendChild(el("summary", "", s.guidelines));
      var rules = el("ul");
      article.guidelines.forEach(function (line) { rules.appendChild(el("li", "", line)); });
      details.appendChild(rules);
      root.appendChild(details);
    }
    var list = el("ol", "list");
    root.appendChild(list);
    var more = attrs(el("button", "more", s.more), { type: "button", hidden: "" });
    root.appendChild(more);
    var next = article.comments;
    function load() {
      more.disabled = true;
      getJSON(next.replace(/^\/api\/v1/, "")).then(function (page) {
        page.comments.forEach(function (c) { list.appendChild(commentItem(c, article.language, s)); });
        if (!list.children.length) list.appendChild(el("li", "empty", s.empty));
        next = page.next;
        more.hidden = !next;
        more.disabled = false;
      }).catch(function () {
        root.appendChild(attrs(el("p", "alert", s.load_failed), { role: "alert" }));
      });
    }
    more.addEventListener("click", load);
    load();
    if (article.comments_open) buildForm(root, article, s);
    else root.appendChild(el("p", "", s.closed));
    root.appendChild(el("p", "powered", s.powered));
  }

  function mount() {
    addStyles();
    var target = script.getAttribute("data-majlis-target");
    var root = attrs(el("section", ""), { "aria-busy": "true" });
    root.className = P;
    var host = target && document.querySelector(target);
    if (host) host.appendChild(root); else script.parentNode.insertBefore(root, script.nextSibling);
    getJSON(articleQuery(script.getAttribute("data-majlis-article") || location.href)).then(function (article) {
      return getJSON("/widget/strings?lang=" + encodeURIComponent(article.language)).then(function (bundle) {
        render(root, article, bundle.strings);
        root.removeAttribute("aria-busy");
      });
    }).catch(function () {
      root.removeAttribute("aria-busy");
      root.appendChild(attrs(el("p", "alert", FALLBACK.load_failed), { role: "alert" }));
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount);
  else mount();
})();
