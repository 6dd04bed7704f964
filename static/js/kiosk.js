// Event (kiosk) mode: the GOV.UK timeout warning. After a quiet spell a modal dialog asks whether the
// person is still there; "Continue answering" (or Escape) carries on, and if nobody answers the
// tablet is cleared for the next person. Without JavaScript the server clears it on the next request.
const dialog = document.getElementById("kiosk-timeout");
const finish = document.getElementById("kiosk-finish");

if (dialog && finish && typeof dialog.showModal === "function") {
  const idle = Number(dialog.dataset.idleSeconds) * 1000;
  const warning = Number(dialog.dataset.warningSeconds) * 1000;
  const countdown = dialog.querySelector("[data-kiosk-countdown]");
  const announce = dialog.querySelector("[data-kiosk-announce]");
  let lastActive = Date.now();
  let lastPing = Date.now();
  let finishing = false;

  const inWords = (ms) => {
    const seconds = Math.max(0, Math.ceil(ms / 1000));
    if (seconds >= 60) {
      const minutes = Math.ceil(seconds / 60);
      return `${minutes} minute${minutes === 1 ? "" : "s"}`;
    }
    return `${seconds} second${seconds === 1 ? "" : "s"}`;
  };

  const stillHere = () => {
    lastPing = Date.now();
    fetch(dialog.dataset.stillHereUrl, {
      method: "POST", credentials: "same-origin", redirect: "manual",
      headers: { "X-CSRFToken": dialog.dataset.csrfToken },
    }).then((response) => {
      if (response.status !== 204) window.location.reload(); // the server has cleared the tablet
    }).catch(() => {});
  };

  const clearTablet = () => {
    if (finishing) return;
    finishing = true;
    finish.submit(); // the same as "Finish and hand over": saved answers stay, the tablet starts afresh
  };

  const active = () => {
    if (dialog.open) return;
    lastActive = Date.now();
    if (lastActive - lastPing > 30000) stillHere(); // typing a long answer keeps the server's clock too
  };

  const carryOn = () => {
    if (dialog.open) dialog.close();
    lastActive = Date.now();
    stillHere();
  };

  let lastAnnounced = null;
  const tick = () => {
    const left = lastActive + idle - Date.now();
    if (left <= 0) {
      clearTablet();
      return;
    }
    if (left <= warning) {
      if (!dialog.open) dialog.showModal();
      countdown.textContent = inWords(left);
      const spoken = left > 20000 ? inWords(Math.ceil(left / 30000) * 30000) : "20 seconds";
      if (spoken !== lastAnnounced) {
        announce.textContent = `We will clear this screen in ${spoken}.`;
        lastAnnounced = spoken;
      }
    }
    window.setTimeout(tick, 1000);
  };

  dialog.querySelector("[data-kiosk-continue]").addEventListener("click", carryOn);
  dialog.addEventListener("cancel", (event) => { // Escape: the same as "Continue answering"
    event.preventDefault();
    carryOn();
  });
  for (const name of ["keydown", "pointerdown", "input", "scroll", "touchstart"]) {
    document.addEventListener(name, active, { passive: true, capture: true });
  }
  tick();
}
