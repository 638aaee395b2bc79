() => {
  // Run once when the chat page loads (app.py hands this file to Gradio's launch(js=...)).
  // It notes the question box's text when Enter sends it (see SEND_AND_CLEAR_JS in app.py),
  // and makes the copy buttons work. Gradio's copy buttons copy a message's HTML source, so
  // the chat has its own: "Copy answer" in each answer (copy_button in webchat/render.py) and "Copy conversation"
  // in the chat's toolbar. Both copy what the page shows, as plain text: each paragraph,
  // quotation and list item on a line, then "Sources:" with one "[n] Title (doc_id)" line
  // per citation marker (its data-source). Without the clipboard API (a page served over plain
  // HTTP to another machine) the text is copied through a hidden text area instead.
  if (window.askTheArticles) return;
  const LOOKING = 'Looking it up …';  // said while a question is answered
  let entered = null;  // {text, at}: the question box's text when Enter was last pressed in it
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.target.matches?.('#question textarea')) {
      entered = {text: event.target.value, at: Date.now()};
    }
  }, true);
  const takeQuestion = () => {
    const text = entered && Date.now() - entered.at < 2000 ? entered.text : null;
    entered = null;
    return text;
  };
  // A question sent is kept in the tab's session storage until its reply comes (replied()).
  // Until then it comes back to the empty box when the server cannot be reached (notSent())
  // and at each page load: Gradio itself reloads the page when it loses the server.
  const UNSENT = 'askTheArticles.unsent';
  const sending = (text) => { try { sessionStorage.setItem(UNSENT, text); } catch (ignored) {} };
  const notSent = (tries = 50) => {
    let text = null;
    try { text = sessionStorage.getItem(UNSENT); } catch (ignored) { return; }
    if (!text) return;
    const box = document.querySelector('#question textarea');
    if (!box) { if (tries > 0) setTimeout(() => notSent(tries - 1), 200); return; }
    if (!box.value) {
      box.value = text;
      box.dispatchEvent(new Event('input', {bubbles: true}));
    }
  };
  notSent();
  // A question typed but not sent (Gradio sends nothing while it has lost the server, then reloads
  // the page once the server is back) is in the box when the page goes: it comes back with the page.
  window.addEventListener('pagehide', () => {
    const box = document.querySelector('#question textarea');
    if (box && box.value.trim()) sending(box.value);
  });
  // A reply is shown from its question: the chat scrolls the last question to its top
  // (Gradio's own autoscroll, off, would show the reply's end, hiding an abstention's verdict).
  const scrollBox = (element) => {
    for (let box = element.parentElement; box && box !== document.body; box = box.parentElement) {
      if (box.scrollHeight > box.clientHeight && /(auto|scroll)/.test(getComputedStyle(box).overflowY)) return box;
    }
    return null;
  };
  // The chat's label and toolbar float over the top of its scroll box: the question goes below them.
  const OVERLAYS = '#chat [data-testid=block-label], #chat .top-panel';
  const PHONE = window.matchMedia('(max-width: 640px)');  // one column: the chat above the question box, the sources below
  const showLastQuestion = () => {
    const asked = document.querySelectorAll('#chat [data-testid=user]');
    const last = asked[asked.length - 1];
    const box = last && scrollBox(last);
    if (!box) return;
    if (PHONE.matches && box.getBoundingClientRect().top < 0) {  // a phone's page scrolled past the chat (its keyboard, a jump to Sources)
      window.scrollBy(0, box.getBoundingClientRect().top - 8);  // (on a wide page the question box stays where the reader typed)
    }
    const top = box.getBoundingClientRect().top;
    const covered = Math.max(top, ...[...document.querySelectorAll(OVERLAYS)]
      .map((overlay) => overlay.getBoundingClientRect()).filter((r) => r.height && r.top <= top + 4).map((r) => r.bottom));
    box.scrollTop += last.getBoundingClientRect().top - covered - 8;
  };
  const showLatest = () => {
    requestAnimationFrame(showLastQuestion);
    setTimeout(showLastQuestion, 250);  // again once Gradio has laid the new messages out
  };
  const replied = () => {
    try { sessionStorage.removeItem(UNSENT); } catch (ignored) {}
    clearTimeout(saying);  // the answer itself is read out, as the chat's log
    if (status.textContent === LOOKING) status.textContent = '';
    hideWayBack();
    showLatest();
  };
  // A citation marker of an earlier answer points into that answer's folded sources: unfold
  // them before the page jumps there. An opened whole article shows its highlighted quote.
  document.addEventListener('click', (event) => {
    const link = event.target.closest?.('a.cite');
    const target = link && document.getElementById(link.getAttribute('href').slice(1));
    if (link && !target) {  // an answer older than the panel keeps: say so where the reader clicked
      event.preventDefault();
      link.classList.add('gone');
      link.setAttribute('aria-description', 'source no longer kept');
      return;
    }
    for (let fold = target?.closest('details'); fold; fold = fold.parentElement.closest('details')) fold.open = true;
    if (!target) return;
    lastMarker = link;
    // The jump is the page's own, so that it happens even when the address already ends in this
    // marker's #source (a browser does not jump to the fragment it is at).
    event.preventDefault();
    history.replaceState(history.state, '', link.getAttribute('href'));
    const panel = target.closest('#sources');
    if (panel && !PHONE.matches && getComputedStyle(panel).position === 'sticky') {  // a wide page: scroll the sources, not the page
      panel.scrollTop += target.getBoundingClientRect().top - panel.getBoundingClientRect().top - 8;
    } else {
      target.scrollIntoView({block: 'start', behavior: 'instant'});
      offerWayBack(link);
    }
    target.focus({preventScroll: true});
  }, true);
  // On a phone a marker jumps far down the page to its source: a button leads back to it. It
  // goes once the marker is in view again (by the button or by scrolling), or the question box
  // is used, since it floats over the bottom of the screen.
  let wayBack = null;
  let watching = null;
  let lastMarker = null;  // the citation marker last followed: Escape in the sources goes back to it, at any width
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !lastMarker?.isConnected || !document.activeElement?.closest('#sources')) return;
    hideWayBack();
    lastMarker.scrollIntoView({block: 'center'});
    lastMarker.focus({preventScroll: true});
  });
  const hideWayBack = () => {
    if (wayBack) wayBack.hidden = true;
    watching?.disconnect();
    watching = null;
  };
  document.addEventListener('focusin', (event) => { if (event.target.matches?.('#question textarea')) hideWayBack(); });
  const offerWayBack = (marker) => {
    if (!wayBack) {
      wayBack = document.createElement('button');
      wayBack.id = 'back-to-answer';
      wayBack.type = 'button';
      wayBack.textContent = '↑ Back to the answer';
      document.body.append(wayBack);
    }
    hideWayBack();
    wayBack.hidden = false;
    wayBack.onclick = () => {
      hideWayBack();
      marker.scrollIntoView({block: 'center'});
      marker.focus({preventScroll: true});
    };
    let left = false;  // seen out of view once the page has jumped to the source
    watching = new IntersectionObserver(([entry]) => {
      if (!entry.isIntersecting) left = true;
      else if (left) hideWayBack();
    });
    watching.observe(marker);
  };
  document.addEventListener('toggle', (event) => {
    const article = event.target.matches?.('details[open]') && event.target.querySelector(':scope > .article');
    const quote = article && article.querySelector('mark');
    if (quote) article.scrollTop += quote.getBoundingClientRect().top - article.getBoundingClientRect().top - article.clientHeight / 3;
  }, true);
  const messageText = (message) => {
    const lines = [];
    for (const block of message.querySelectorAll('p, blockquote, li')) {
      if (block.closest('.copy-row')) continue;
      const text = block.cloneNode(true);  // a related passage's title is copied once, under Sources
      text.querySelectorAll('.related-title').forEach((title) => title.remove());
      lines.push(text.textContent.trim());
    }
    if (!lines.length) lines.push(message.textContent.trim());
    const sources = new Map();
    for (const link of message.querySelectorAll('a.cite')) sources.set(link.textContent.trim(), link.dataset.source);
    if (sources.size) lines.push('Sources:', ...[...sources].map(([marker, title]) => `${marker} ${title}`));
    return lines.join('\n');
  };
  const conversationText = () => [...document.querySelectorAll('#chat [data-testid=user], #chat [data-testid=bot]')]
    .map((message) => message.dataset.testid === 'user' ? `Question: ${messageText(message)}` : `Answer:\n${messageText(message)}`)
    .join('\n\n');
  const copy = async (text) => {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (error) {  // no clipboard API (not a secure page) or refused: copy from a text area
      const focused = document.activeElement;
      const area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.cssText = 'position: fixed; top: 0; left: -9999px;';
      document.body.append(area);
      area.select();
      try { return document.execCommand('copy'); } catch (ignored) { return false; } finally { area.remove(); focused?.focus(); }
    }
  };
  const status = document.createElement('div');  // read out by screen readers, not shown
  status.setAttribute('role', 'status');
  status.id = 'copy-status';
  status.style.cssText = 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap;';
  document.body.append(status);
  // The same words said twice are read twice: the region is emptied first, then filled.
  let saying = null;
  const announce = (text) => {
    clearTimeout(saying);
    status.textContent = '';
    saying = setTimeout(() => { status.textContent = text; }, 50);
  };
  // Near the question's length limit (its last tenth), the count shows under the question box
  // (#question-length, app.py), counted as the server counts it: runs of spaces as one. It is the
  // box's description, not a live region: a screen reader is told only when typing or pasting takes
  // the count into the last tenth, past the limit, or back under it. A question too long is still
  // sent, and the reply says why it can't be asked, as before.
  const say = (n) => n.toLocaleString('en-US');
  let lengthZone = 'far';  // 'far' from the limit, 'near' it, or 'over'
  let counted = null;  // the text last counted
  const countQuestion = (aloud) => {
    const box = document.querySelector('#question textarea');
    const shown = document.querySelector('#question-length');
    if (!box || !shown || box.value === counted) return;
    counted = box.value;
    if (box.getAttribute('aria-describedby') !== shown.id) box.setAttribute('aria-describedby', shown.id);
    const limit = Number(shown.dataset.limit);
    const length = [...box.value.trim().split(/\s+/).join(' ')].length;
    const zone = length > limit ? 'over' : length >= limit * 0.9 ? 'near' : 'far';
    const text = zone === 'far' ? '' : `${say(length)} of ${say(limit)} characters` + (zone === 'over' ? `: ${say(length - limit)} too many to ask` : '');
    shown.textContent = text;
    shown.classList.toggle('over', zone === 'over');
    if (aloud && length && zone !== lengthZone) {  // an emptied box (a question sent) says nothing
      if (zone === 'over') announce(text);
      else if (lengthZone === 'over') announce(`Back within the ${say(limit)}-character limit`);
      else if (zone === 'near') announce(`${text}: near the limit`);
    }
    lengthZone = zone;
  };
  document.addEventListener('input', (event) => { if (event.target.matches?.('#question textarea')) countQuestion(true); }, true);
  setInterval(() => countQuestion(false), 500);  // the page sets the box too (a question put back), unsaid
  // A Copy answer button is named by its answer's question (the title copy_button hands over),
  // its visible words first: "Copy answer to: …", "Copied the answer to: …".
  const nameCopyButton = (button, words) => {
    if (button.dataset.question !== undefined) button.setAttribute('aria-label', `${words} to: ${button.dataset.question}`);
  };
  const report = (button, copied, what) => {
    const said = copied ? `Copied the ${what} as text` : `Could not copy the ${what}; select its text and copy it instead`;
    status.textContent = said;
    button.classList.add(copied ? 'copied' : 'not-copied');
    if (button.classList.contains('copy-text')) {
      button.textContent = copied ? 'Copied' : 'Could not copy';
      nameCopyButton(button, copied ? 'Copied the answer' : 'Could not copy the answer');
    }
    setTimeout(() => {
      button.classList.remove('copied', 'not-copied');
      if (button.classList.contains('copy-text')) {
        button.textContent = 'Copy answer';
        nameCopyButton(button, 'Copy answer');
      }
      if (status.textContent === said) status.textContent = '';
    }, 2500);
  };
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('#chat button.copy-text');
    if (!button) return;
    const message = button.closest('[data-testid=bot]');
    if (message) report(button, await copy(messageText(message)), 'answer');
  });
  // Gradio names each message for screen readers by its HTML source ("bot's message: <div class=…"):
  // name them "Question" and "Answer" instead, and let their text be read as it is.
  const NAMES = {user: 'Question', bot: 'Answer'};
  const nameMessages = () => {
    for (const message of document.querySelectorAll('#chat [data-testid=user], #chat [data-testid=bot]')) {
      const name = NAMES[message.dataset.testid];
      if (message.getAttribute('aria-label') !== name) message.setAttribute('aria-label', name);
      if (!message.hasAttribute('role')) message.setAttribute('role', 'group');  // a name on a plain div is not read out
    }
    // The status lines are read out when they change (Gradio gives them no live region), not the
    // progress timer Gradio draws in the question's line while it is answered ("0.4s").
    for (const line of document.querySelectorAll('#status, #articles-note, #feedback-status')) {
      if (line.getAttribute('role') !== 'status') line.setAttribute('role', 'status');
    }
    for (const timer of document.querySelectorAll('#status [data-testid=status-tracker]:not([aria-hidden])')) timer.setAttribute('aria-hidden', 'true');
    // The chat is read from its heading (app.py): then its toolbar, then the conversation. Its visible
    // label, the same word again, is for the eye only, and so is the timer Gradio draws beside it while
    // a question is answered ("Looking it up …" is said instead); the log is named by the heading, not
    // "chatbot conversation".
    for (const shown of document.querySelectorAll('#chat [data-testid=block-label]:not([aria-hidden]), #chat [data-testid=status-tracker]:not([aria-hidden])')) {
      shown.setAttribute('aria-hidden', 'true');
    }
    const log = document.querySelector('#chat [role=log]');
    if (log && log.getAttribute('aria-labelledby') !== 'conversation-heading') log.setAttribute('aria-labelledby', 'conversation-heading');
    // A citation marker is read out once, as its source by title: "Source [1]: <title>". Its title
    // attribute ("<title>\n<doc id>", _cite_link in webchat/render.py) goes, since a screen reader
    // would read the tooltip after the name; the title is in sight under the quote, the doc id in the
    // sources panel, and Copy answer reads both from data-source.
    for (const link of document.querySelectorAll('#chat a.cite[title]')) {
      const [title, ...docId] = link.title.split('\n');
      link.dataset.source = `${title} (${docId.join('\n')})`;
      link.setAttribute('aria-label', `Source ${link.textContent.trim()}: ${title}`);
      link.removeAttribute('title');
    }
    for (const button of document.querySelectorAll('#chat button.copy-text[title]')) {  // its title would be read again
      button.dataset.question = button.title;
      button.removeAttribute('title');
      nameCopyButton(button, 'Copy answer');
    }
  };
  new MutationObserver(nameMessages).observe(document.body, {subtree: true, childList: true, attributeFilter: ['aria-label']});
  window.askTheArticles = {
    takeQuestion,
    sending,
    replied,
    notSent,
    showLatest,
    messageText,
    conversationText,
    announce,  // read out by screen readers: "Conversation cleared"
    lookingUp: () => {  // at once (the reply empties it, so it is never the same words twice running)
      clearTimeout(saying);
      status.textContent = LOOKING;
    },
    copyConversation: async () => {
      const button = document.querySelector('#chat button[title="Copy conversation"]') || document.body;
      report(button, await copy(conversationText()), 'conversation');
    },
  };
}
