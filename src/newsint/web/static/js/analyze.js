/* "Analyse a text": post the form as JSON, then open the stored article. */
(function () {
  "use strict";
  const form = document.getElementById("analyze-form");
  if (!form) { return; }
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const body = {};
    new FormData(form).forEach((value, key) => { if (String(value).trim()) { body[key] = String(value); } });
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    NI.status("analyze-status", "Analysing… (the first text loads the language model)");
    fetch("/api/analyze", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", Accept: "application/json" },
      body: JSON.stringify(body),
    }).then((response) => response.json().then((result) => {
      if (!response.ok) { throw new Error(result.error || response.statusText); }
      NI.status("analyze-status", result.new ? "Stored. Opening the article…" : "Already in the corpus. Opening it…");
      window.location.assign("/articles/" + encodeURIComponent(result.id));
    })).catch((error) => {
      NI.status("analyze-status", error.message, true);
      button.disabled = false;
    });
  });
}());
