// debrief: small touches on the postmortem page. Everything works without it.
(function () {
  "use strict";
  // Clicking a mark shows its finding in the list, and following a
  // finding's "line N" link briefly outlines its mark.
  document.addEventListener("click", function (e) {
    var mark = e.target.closest && e.target.closest("mark.lint");
    if (mark) {
      var item = document.getElementById("lint-" + mark.dataset.finding);
      if (item) { item.scrollIntoView({ block: "nearest" }); location.hash = "lint-" + mark.dataset.finding; }
      return;
    }
    var a = e.target.closest && e.target.closest('a[href^="#finding-"]');
    if (a) {
      var m = document.getElementById(a.getAttribute("href").slice(1));
      if (m) {
        m.classList.add("flash");
        setTimeout(function () { m.classList.remove("flash"); }, 1600);
      }
    }
  });

  // Similar incidents that the server did not find in time: fetch them
  // and show them as the server would have.
  var pending = document.getElementById("similar-pending");
  if (pending) loadSimilar(pending);

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
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
  function loadSimilar(box) {
    var status = box.querySelector(".status");
    var list = box.querySelector(".similar-list");
    var date = box.dataset.date;
    fetch("/api/v1/postmortems/" + encodeURIComponent(box.dataset.id) + "/similar?limit=5", {
      credentials: "same-origin", headers: { "Accept": "application/json" }
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (res) {
      var items = res.items || [];
      if (items.length === 0) {
        status.textContent = "No similar past incidents found.";
        status.className = "empty";
        return;
      }
      var earlier = 0;
      items.forEach(function (it) {
        var before = date && it.date && it.date < date;
        if (before) earlier++;
        var recurred = before && it.action_items && it.action_items.all_done;
        var li = el("li", recurred ? "recurred" : null);
        var t = el("p", "similar-title");
        t.appendChild(el("span", "badge sev sev-" + String(it.severity).toLowerCase(), it.severity));
        t.appendChild(document.createTextNode(" "));
        var a = el("a", null, it.title);
        a.href = "/postmortems/" + encodeURIComponent(it.id);
        t.appendChild(a);
        li.appendChild(t);
        var meta = el("p", "meta");
        meta.appendChild(el("span", "id", it.id));
        if (it.date) meta.appendChild(document.createTextNode(" · " + formatDate(it.date) + (before ? " · before this one" : " · since")));
        li.appendChild(meta);
        li.appendChild(el("p", "why", it.reason));
        var ai = it.action_items || {};
        li.appendChild(el("p", "fixes" + (ai.all_done ? " done" : ai.open ? " open" : ""), "Fixes: " + progress(ai)));
        if (recurred) li.appendChild(el("p", "warning", "Its fixes were all marked done, yet it happened again: look at whether they addressed this family."));
        list.appendChild(li);
      });
      status.textContent = earlier > 0 ? "This kind of incident happened before." : "This kind of incident happened again since.";
      status.className = "lede";
    }).catch(function (err) {
      status.textContent = "Could not look for similar incidents (" + err.message + "). ";
      var a = el("a", null, "Try again");
      a.href = "?similar=wait#similar-heading";
      status.appendChild(a);
    });
  }

  // Review comments: text selected in the document becomes the comment's
  // sentence, and the section it sits in its section; a comment's sentence
  // is marked in the text while the comment is open.
  var quote = document.getElementById("c-quote"), section = document.getElementById("c-section");
  var prose = document.querySelector(".doc .prose");
  if (quote && prose) {
    document.addEventListener("selectionchange", function () {
      var sel = window.getSelection();
      if (!sel || sel.isCollapsed || !prose.contains(sel.anchorNode)) return;
      var text = sel.toString().replace(/\s+/g, " ").trim();
      if (!text) return;
      quote.value = text.slice(0, 500);
      var node = sel.anchorNode.nodeType === 1 ? sel.anchorNode : sel.anchorNode.parentNode;
      var block = node.closest ? node.closest(".prose > *") : null;
      for (var b = block; b; b = b.previousElementSibling) {
        if (b.tagName === "H2") {
          var title = b.textContent.trim();
          for (var i = 0; i < section.options.length; i++) {
            if (section.options[i].text === title) section.selectedIndex = i;
          }
          break;
        }
      }
    });
  }
  if (prose) {
    document.querySelectorAll("li.comment:not(.resolved)[data-quote]").forEach(function (li) {
      var q = li.dataset.quote;
      if (!q) return;
      var walker = document.createTreeWalker(prose, NodeFilter.SHOW_TEXT);
      for (var n = walker.nextNode(); n; n = walker.nextNode()) {
        var at = n.data.indexOf(q);
        if (at < 0) continue;
        var range = document.createRange();
        range.setStart(n, at);
        range.setEnd(n, at + q.length);
        var mark = document.createElement("mark");
        mark.className = "commented";
        mark.title = "Comment: " + li.querySelector(".comment-body").textContent;
        range.surroundContents(mark);
        return;
      }
    });
  }
})();
