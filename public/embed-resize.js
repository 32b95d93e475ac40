/*
 * Logit Lab embeds: resize each <iframe data-logit-lab> to the height its widget reports.
 * No dependencies; include it once on the page, anywhere: <script src=".../embed-resize.js" defer></script>
 *
 * Message format (posted by the embed to its parent window, targetOrigin '*', a height is no secret):
 *   { type: 'logit-lab:height', version: 1, id: string, height: number }
 *     id      the embed's `frame` query value, or its widget id ('softmax/SoftmaxExplorer')
 *     height  the content's height in CSS pixels, an integer; sent when it changes, at most once a frame
 * The host may ask an embed to send its height again (this script does, at start and on each load):
 *   { type: 'logit-lab:request-height' }
 *
 * An embedded exercise posts one message per check (no free text from the learner in it):
 *   { type: 'logit-lab:result', version: 1, id, exercise, seed, correct, attempts, hintsUsed }
 * This script hands a well-formed one to the page as a DOM event on its iframe, which bubbles:
 *   document.addEventListener('logit-lab-result', function (e) { e.detail; e.target; });
 * e.detail is a fresh object with exactly those eight fields; e.target the <iframe>.
 *
 * A message is acted on only if it comes from the contentWindow of one of the page's
 * <iframe data-logit-lab> elements (event.source is compared, not the origin, so it works with
 * sandboxed frames whose origin is opaque), has exactly this shape, and its height is finite; the
 * height is clamped to [MIN_HEIGHT, MAX_HEIGHT]. Everything else is ignored.
 */
/* global window, document, CustomEvent */
(function () {
  'use strict';
  var MIN_HEIGHT = 80;
  var MAX_HEIGHT = 10000;

  function frames() {
    return document.querySelectorAll('iframe[data-logit-lab]');
  }

  function frameOf(source) {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      if (source && list[i].contentWindow === source) return list[i];
    }
    return null;
  }

  function validHeight(data) {
    if (typeof data !== 'object' || data === null) return null;
    if (data.type !== 'logit-lab:height' || data.version !== 1) return null;
    if (typeof data.id !== 'string' || data.id.length > 100) return null;
    if (typeof data.height !== 'number' || !isFinite(data.height)) return null;
    return Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, data.height)));
  }

  var ID = /^[A-Za-z0-9_/-]{1,64}$/;
  function isCount(v, min) {
    return typeof v === 'number' && Math.floor(v) === v && v >= min && v <= 1000000;
  }
  var RESULT_KEYS = ['type', 'version', 'id', 'exercise', 'seed', 'correct', 'attempts', 'hintsUsed'];

  function validResult(data) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
    var keys = Object.keys(data);
    if (keys.length !== RESULT_KEYS.length) return null;
    for (var i = 0; i < keys.length; i++) if (RESULT_KEYS.indexOf(keys[i]) === -1) return null;
    if (data.type !== 'logit-lab:result' || data.version !== 1) return null;
    if (typeof data.id !== 'string' || !ID.test(data.id)) return null;
    if (typeof data.exercise !== 'string' || !ID.test(data.exercise)) return null;
    if (!isCount(data.seed, 1) || typeof data.correct !== 'boolean' || !isCount(data.attempts, 1) || !isCount(data.hintsUsed, 0)) return null;
    return {
      type: data.type, version: 1, id: data.id, exercise: data.exercise, seed: data.seed,
      correct: data.correct, attempts: data.attempts, hintsUsed: data.hintsUsed
    };
  }

  window.addEventListener('message', function (event) {
    var frame = frameOf(event.source);
    if (!frame) return;
    var result = validResult(event.data);
    if (result) {
      frame.dispatchEvent(new CustomEvent('logit-lab-result', { bubbles: true, detail: result }));
      return;
    }
    var height = validHeight(event.data);
    if (height === null) return;
    frame.setAttribute('height', String(height));
    frame.style.height = height + 'px';
  });

  function request(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'logit-lab:request-height' }, '*');
  }

  function watch() {
    var list = frames();
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (frame.getAttribute('data-logit-lab-watched')) continue;
      frame.setAttribute('data-logit-lab-watched', '1');
      frame.addEventListener('load', request.bind(null, frame));
      request(frame);
    }
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();
