// saydo web app: the little that needs a script. Every page works without it (forms post, job pages refresh).
"use strict";

function uploadForms() {
  document.querySelectorAll("form[data-upload]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var status = form.querySelector(".status");
      var data = new FormData(form);
      var token = data.get("token") || "";
      data.delete("token");
      if (!data.get("date")) { data.delete("date"); }
      if (!data.get("format")) { data.delete("format"); }
      status.textContent = "uploading…";
      fetch(form.action, {method: "POST", body: data,
                          headers: {"Authorization": "Bearer " + token, "Accept": "application/json"}})
        .then(function (r) { return r.json().then(function (body) { return [r, body]; }); })
        .then(function (pair) {
          var body = pair[1];
          if (!body.ok) { status.textContent = body.error; status.className = "status error"; return; }
          window.location.assign(body.url);
        })
        .catch(function (err) { status.textContent = "upload failed: " + err; status.className = "status error"; });
    });
  });
}

function pollJob() {
  var box = document.querySelector("[data-job]");
  if (!box || ["done", "failed"].indexOf(box.dataset.state) >= 0) { return; }
  var progress = box.querySelector("progress");
  function tick() {
    fetch(box.dataset.job, {headers: {"Accept": "application/json"}})
      .then(function (r) { return r.json(); })
      .then(function (job) {
        box.querySelector(".state").textContent = job.state;
        box.querySelector(".stage").textContent = job.stage;
        box.querySelector(".message").textContent = job.message;
        box.querySelector(".count").textContent = job.total ? job.done + " of " + job.total : String(job.done);
        progress.max = job.total || 1;
        progress.value = job.total ? job.done : 0;
        if (job.state === "done" || job.state === "failed") { window.location.reload(); }
        else { window.setTimeout(tick, 500); }
      })
      .catch(function () { window.setTimeout(tick, 2000); });
  }
  window.setTimeout(tick, 300);
}

document.addEventListener("DOMContentLoaded", function () { uploadForms(); pollJob(); });
