// debrief editor: live lint and similar incidents as the author types.
//
// The text is sent to POST /api/v1/lint a moment after typing stops; the
// findings appear beside the text, and each one jumps to its place when
// clicked. Once the title and summary say enough, POST /api/v1/similar finds
// past incidents like this one. Both calls go with the session's cookie,
// from the same origin.
// Without JavaScript the editor still saves and checks the format.
(function () {
  "use strict";
  var form = document.getElementById("editor") || document.querySelector("form.conflict-form");
  if (!form) return;
  var mode = form.dataset.mode || "markdown";
  var area = form.querySelector("textarea[data-lint]") || form.querySelector("textarea#file");
  var findingsList = document.getElementById("live-findings");
  var lintStatus = document.getElementById("lint-status");
  var similarList = document.getElementById("live-similar");
  var similarStatus = document.getElementById("similar-status");
  var readsLike = document.getElementById("reads-like");
  var recurrence = document.getElementById("recurrence-warning");
  var sameTitleBox = document.getElementById("same-title-warning");
  var LINT_DELAY = 350, SIMILAR_DELAY = 900, MIN_SUMMARY_WORDS = 8;

  // --- Positions: the linter counts lines from 1 and columns in characters.
  function offsetOf(text, line, column) {
    var off = 0;
    for (var l = 1; l < line; l++) {
      var nl = text.indexOf("\n", off);
      if (nl < 0) return text.length;
      off = nl + 1;
    }
    var end = text.indexOf("\n", off);
    if (end < 0) end = text.length;
    var chars = Array.from(text.slice(off, end)).slice(0, Math.max(0, column - 1));
    return off + chars.join("").length;
  }

  // caretTop measures where an offset sits in the textarea with a mirror
  // element that wraps the text the same way.
  function caretTop(ta, offset) {
    var style = getComputedStyle(ta);
    var div = document.createElement("div");
    ["fontFamily", "fontSize", "fontWeight", "lineHeight", "letterSpacing", "paddingTop", "paddingLeft",
      "paddingRight", "borderLeftWidth", "borderRightWidth", "boxSizing", "tabSize"].forEach(function (p) { div.style[p] = style[p]; });
    div.style.position = "absolute";
    div.style.visibility = "hidden";
    div.style.whiteSpace = "pre-wrap";
    div.style.overflowWrap = "break-word";
    div.style.width = ta.clientWidth + "px";
    div.textContent = ta.value.slice(0, offset);
    var span = document.createElement("span");
    span.textContent = "\u200b";
    div.appendChild(span);
    document.body.appendChild(div);
    var top = span.offsetTop;
    document.body.removeChild(div);
    return top;
  }

  function jumpTo(ta, line, column, endLine, endColumn) {
    if (!ta) return;
    var text = ta.value;
    var a = offsetOf(text, line, column);
    var b = endLine ? offsetOf(text, endLine, endColumn) : a;
    if (b < a) b = a;
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(a, b);
    var top = caretTop(ta, a);
    ta.scrollTop = Math.max(0, top - ta.clientHeight / 3);
    var rect = ta.getBoundingClientRect();
    if (rect.top < 0 || rect.top > window.innerHeight) ta.scrollIntoView({ block: "start" });
  }

  // Server-side problems (line and column of the file) jump the same way.
  document.addEventListener("click", function (e) {
    var b = e.target.closest && e.target.closest("button.jump");
    if (!b) return;
    var t = b.dataset.target;
    if (t && t !== "file" && t !== "body") {
      var c = document.getElementById(t);
      if (c) { c.focus(); if (c.select) c.select(); }
      return;
    }
    jumpTo(document.getElementById(t || "file") || area, +b.dataset.line, +b.dataset.column, +b.dataset.endLine || 0, +b.dataset.endColumn || 0);
  });

  // --- What to send.
  function lintText() { return area ? area.value : ""; }

  function yamlString(s) { return JSON.stringify(s || ""); }
  function fieldValue(name) {
    var el = form.elements[name];
    return el ? el.value : "";
  }
  function listYAML(s) {
    return "[" + (s || "").split(",").map(function (v) { return v.trim(); }).filter(Boolean).map(yamlString).join(", ") + "]";
  }
  // draftText is the draft as a Markdown file, for similar incidents: the
  // textarea in markdown mode, the form's main facts and the body otherwise.
  function draftText() {
    if (mode !== "form") return lintText();
    if (lintedFile !== null) return lintedFile;
    return "---\nid: " + yamlString(fieldValue("id")) + "\ntitle: " + yamlString(fieldValue("title")) +
      "\nteams: " + listYAML(fieldValue("teams")) + "\nservices: " + listYAML(fieldValue("services")) +
      "\ntrigger: " + yamlString(fieldValue("trigger")) + "\n---\n" + lintText();
  }
  function summaryWords(text) {
    var m = /^##\s+Summary\s*$([\s\S]*?)(?=^#{1,2}\s|(?![\s\S]))/im.exec(text);
    if (!m) return 0;
    var s = m[1].replace(/<!--[\s\S]*?-->/g, " ");
    return (s.match(/[\p{L}\p{N}]{2,}/gu) || []).length;
  }

  function post(url, body, signal) {
    return fetch(url, {
      method: "POST", body: body, signal: signal, credentials: "same-origin",
      headers: { "Content-Type": "text/markdown; charset=utf-8", "Accept": "application/json" }
    }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (j) { throw new Error(j.message || ("HTTP " + r.status)); });
      return r.json();
    });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }

  // --- Live lint.
  var lintTimer = 0, lintCtl = null, lintSeq = 0, lastLinted = null;
  function scheduleLint() {
    if (!findingsList) return;
    clearTimeout(lintTimer);
    lintTimer = setTimeout(runLint, LINT_DELAY);
  }
  // lintedFile is the document as the file it saves as, from the last
  // lint: in form mode it is what similar incidents are looked up with.
  var lintedFile = null;
  function formBody() {
    var data = new URLSearchParams(new FormData(form));
    data.delete("op");
    if (lintAll) data.set("lint_all", "1");
    return data;
  }
  function runLint() {
    var text = formBody().toString();
    if (text === lastLinted) return;
    if (lintCtl) lintCtl.abort();
    lintCtl = new AbortController();
    var seq = ++lintSeq;
    lintStatus.textContent = "Checking…";
    fetch("/editor/lint", {
      method: "POST", body: text, signal: lintCtl.signal, credentials: "same-origin",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json" }
    }).then(function (r) {
      if (!r.ok) return r.json().catch(function () { return {}; }).then(function (j) { throw new Error(j.message || ("HTTP " + r.status)); });
      return r.json();
    }).then(function (res) {
      if (seq !== lintSeq) return;
      lastLinted = text;
      lintedFile = res.file;
      showFindings(res.findings || []);
      showWaiting(res.waiting || 0);
    }).catch(function (err) {
      if (err.name === "AbortError") return;
      lintStatus.textContent = "Could not check the text: " + err.message;
    });
  }
  // Structure checks of parts not started yet wait until the author asks.
  var lintAll = false;
  function showWaiting(n) {
    var note = document.getElementById("lint-waiting");
    if (!note) {
      note = el("p", "note");
      note.id = "lint-waiting";
      findingsList.parentNode.insertBefore(note, findingsList.nextSibling);
    }
    note.textContent = "";
    note.hidden = n === 0;
    if (n === 0) return;
    note.appendChild(document.createTextNode((n === 1 ? "1 structure check waits" : n + " structure checks wait") + " until you start those sections. "));
    var b = el("button", "link", "Check everything now");
    b.type = "button";
    b.addEventListener("click", function () { lintAll = true; lastLinted = null; runLint(); });
    note.appendChild(b);
  }
  // where says where a finding is: the field, or the line and column.
  function where(f) {
    if (f.target !== "file" && f.target !== "body") {
      var label = document.querySelector('label[for="' + f.target + '"]');
      return label ? label.firstChild.textContent.trim() : "the facts";
    }
    return "line " + f.line + ", col " + f.column;
  }
  function jumpToFinding(f) {
    if (f.target === "file" || f.target === "body") {
      jumpTo(document.getElementById(f.target) || area, f.line, f.column, f.end_line, f.end_column);
      return;
    }
    var c = document.getElementById(f.target);
    if (c) { c.focus(); if (c.select) c.select(); }
  }
  function showFindings(findings) {
    findingsList.textContent = "";
    var counts = { blame: 0, "root-cause": 0, structure: 0 };
    findings.forEach(function (f) { counts[f.category] = (counts[f.category] || 0) + 1; });
    if (findings.length === 0) {
      lintStatus.textContent = "No blame, root-cause or structure findings.";
      lintStatus.className = "status clean";
      return;
    }
    lintStatus.className = "status";
    lintStatus.textContent = findings.length + (findings.length === 1 ? " finding" : " findings") +
      ": " + counts.blame + " blame, " + counts["root-cause"] + " root-cause, " + counts.structure + " structure.";
    findings.forEach(function (f) {
      var li = el("li", "finding lint-" + f.category + " sev-" + f.severity);
      li.dataset.rule = f.rule;
      var b = el("button", "finding-jump");
      b.type = "button";
      var head = el("span", "finding-head");
      head.appendChild(el("span", "badge cat", f.category));
      head.appendChild(el("span", "sev-word", f.severity));
      head.appendChild(el("span", "where", where(f)));
      b.appendChild(head);
      b.appendChild(el("span", "message", f.message));
      b.title = "Jump to the text";
      b.addEventListener("click", function () { jumpToFinding(f); });
      li.appendChild(b);
      if (f.suggestion) {
        var s = el("p", "suggestion");
        s.appendChild(el("span", "label", "Try: "));
        s.appendChild(document.createTextNode(f.suggestion));
        li.appendChild(s);
      }
      findingsList.appendChild(li);
    });
  }

  // --- Similar incidents.
  var simTimer = 0, simCtl = null, simSeq = 0, lastSimilar = null;
  function scheduleSimilar() {
    if (!similarList) return;
    clearTimeout(simTimer);
    simTimer = setTimeout(runSimilar, SIMILAR_DELAY);
  }
  function runSimilar() {
    var text = draftText();
    if (summaryWords(lintText()) < MIN_SUMMARY_WORDS) {
      if (lastSimilar === null) similarStatus.textContent = "Past incidents like this one appear once the summary says what happened.";
      return;
    }
    if (text === lastSimilar) return;
    if (simCtl) simCtl.abort();
    simCtl = new AbortController();
    var seq = ++simSeq;
    post("/api/v1/similar", text, simCtl.signal).then(function (res) {
      if (seq !== simSeq) return;
      lastSimilar = text;
      showSameTitle(res.same_title || []);
      showKinds(res.kinds || [], res.recurrences || []);
      showSimilar(res.items || []);
    }).catch(function (err) {
      if (err.name !== "AbortError") similarStatus.textContent = "Could not look for similar incidents: " + err.message;
    });
  }
  function formatDate(iso) {
    var d = new Date(iso + "T00:00:00Z");
    return isNaN(d) ? iso : d.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  }
  function progress(a) {
    if (!a || a.total === 0) return "no action items";
    if (a.all_done) return a.total === 1 ? "its one fix was done" : "all " + a.total + " fixes done";
    var s = a.done + " of " + a.total + " fixes done";
    if (a.wont_do) s += ", " + a.wont_do + " won't do";
    if (a.open) s += ", " + a.open + " still open";
    return s;
  }
  // showKinds says what kind of incident the draft reads like, and which
  // fixes of earlier incidents of that kind were done yet did not hold.
  function showKinds(kinds, recs) {
    if (readsLike) {
      readsLike.textContent = "";
      readsLike.hidden = kinds.length === 0;
      if (kinds.length > 0) {
        readsLike.appendChild(document.createTextNode(kinds[0].confirmed ? "Kind: " : "This reads like: "));
        kinds.forEach(function (k, i) {
          if (i > 0) readsLike.appendChild(document.createTextNode("; "));
          var a = el("a", null, k.name);
          a.href = "/families/" + encodeURIComponent(k.id);
          a.target = "_blank";
          a.rel = "noopener";
          readsLike.appendChild(a);
          if (!k.confirmed && k.evidence && k.evidence.length) readsLike.appendChild(el("span", "evidence", " (“" + k.evidence[0] + "”)"));
        });
      }
    }
    if (recurrence) {
      recurrence.textContent = "";
      recurrence.hidden = recs.length === 0;
      recs.forEach(function (r) {
        var p = el("p");
        p.appendChild(el("strong", null, "Recurred although " + r.fix + " was done: "));
        p.appendChild(document.createTextNode(r.fix_title + " — the fix of "));
        var a = el("a", null, r.earlier);
        a.href = "/postmortems/" + encodeURIComponent(r.earlier);
        a.target = "_blank";
        a.rel = "noopener";
        p.appendChild(a);
        p.appendChild(document.createTextNode(", " + r.kind_name.toLowerCase() + "."));
        recurrence.appendChild(p);
      });
    }
  }
  // showSameTitle warns when another postmortem has the draft's title.
  function showSameTitle(items) {
    if (!sameTitleBox) return;
    sameTitleBox.textContent = "";
    sameTitleBox.hidden = items.length === 0;
    if (items.length === 0) return;
    var p = el("p", null, "Another postmortem has the same title: ");
    items.forEach(function (it, i) {
      if (i > 0) p.appendChild(document.createTextNode(", "));
      var a = el("a", null, it.id);
      a.href = "/postmortems/" + encodeURIComponent(it.id);
      a.target = "_blank";
      a.rel = "noopener";
      p.appendChild(a);
      if (it.date) p.appendChild(document.createTextNode(" (" + formatDate(it.date) + ")"));
    });
    p.appendChild(document.createTextNode(". If it is the same incident, add to that one; if it came back, link it under related."));
    sameTitleBox.appendChild(p);
  }
  function showSimilar(items) {
    similarList.textContent = "";
    if (items.length === 0) {
      similarStatus.textContent = "No similar past incidents found so far.";
      similarStatus.className = "status";
      return;
    }
    var started = /^started:\s*["']?(\d{4}-\d{2}-\d{2})/m.exec(mode === "form" ? "started: " + fieldValue("started") : lintText());
    var before = !started || items.some(function (it) { return it.date && it.date < started[1]; });
    similarStatus.textContent = before ? "This kind of incident happened before." : "This kind of incident happened again since.";
    similarStatus.className = "status lede";
    items.forEach(function (it) {
      var li = el("li");
      var t = el("p", "similar-title");
      t.appendChild(el("span", "badge sev sev-" + String(it.severity).toLowerCase(), it.severity));
      t.appendChild(document.createTextNode(" "));
      var a = el("a", null, it.title);
      a.href = "/postmortems/" + encodeURIComponent(it.id);
      a.target = "_blank";
      a.rel = "noopener";
      t.appendChild(a);
      li.appendChild(t);
      li.appendChild(el("p", "meta", it.id + (it.date ? " · " + formatDate(it.date) : "")));
      li.appendChild(el("p", "why", it.reason));
      var ai = it.action_items || {};
      li.appendChild(el("p", "fixes" + (ai.all_done ? " done" : ai.open ? " open" : ""), "Fixes: " + progress(ai)));
      similarList.appendChild(li);
    });
  }

  // --- Team and service names: a name the archive has not seen yet gets a
  // note, and a service typed as a team (or the other way round) says so.
  var facts = form.querySelector("[data-known-teams]");
  function nameSet(attr) {
    var out = {};
    (facts && facts.getAttribute(attr) || "").split("\n").forEach(function (n) { if (n) out[n.toLowerCase()] = true; });
    return out;
  }
  var knownTeams = nameSet("data-known-teams"), knownServices = nameSet("data-known-services");
  function checkNames(input) {
    var note = document.getElementById(input.id + "-note");
    if (!note) return;
    var service = input.dataset.names === "services";
    var notes = input.value.split(",").map(function (n) { return n.trim(); }).filter(Boolean).map(function (n) {
      var k = n.toLowerCase();
      if (service) {
        if (knownServices[k]) return "";
        return knownTeams[k] ? "“" + n + "” is a team, not a service." : "“" + n + "” is a new service name: check the spelling.";
      }
      if (knownTeams[k]) return "";
      return knownServices[k] ? "“" + n + "” is a service, not a team." : "“" + n + "” is a new team name: check the spelling.";
    }).filter(Boolean);
    note.textContent = notes.join(" ");
  }
  if (facts) {
    form.querySelectorAll("[data-names]").forEach(function (input) {
      input.addEventListener("change", function () { checkNames(input); });
      checkNames(input);
    });
  }

  // --- Wiring.
  var dirty = false;
  function changed() {
    dirty = true;
    scheduleLint();
    scheduleSimilar();
  }
  form.addEventListener("input", changed);
  form.addEventListener("submit", function () { dirty = false; });
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });
  // Ctrl+S or Cmd+S saves.
  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S")) {
      var save = form.querySelector('button[value="save"]');
      if (save) { e.preventDefault(); dirty = false; save.click(); }
    }
  });
  if (findingsList) runLint();
  if (similarList) runSimilar();
})();
