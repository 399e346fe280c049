// The sample's page: a form that creates video jobs, and a live list of jobs fed by server-sent events.
'use strict';

const DEFAULT_DURATIONS = [4, 8, 12];
// client-side validation names the gateway's wire field; these are the form's inputs for them
const FORM_FIELDS = {prompt: 'prompt', model: 'model', duration: 'duration', seconds: 'duration',
  aspect_ratio: 'aspectRatio', generate_audio: 'audio'};

const jobs = new Map(); // video id -> {view, element}
let models = [];

const $ = (id) => document.getElementById(id);

async function api(method, path, body) {
  const response = await fetch(path, {
    method,
    // every change is sent as JSON, even without a body: the server refuses other state-changing requests
    headers: method === 'GET' ? {} : {'Content-Type': 'application/json'},
    body: body ? JSON.stringify(body) : undefined,
  });
  if (response.status === 204) {
    return null;
  }
  const payload = await response.json().catch(() => null);
  if (!response.ok) {
    throw payload || {title: 'Request failed', detail: `HTTP ${response.status}`};
  }
  return payload;
}

// --- problems -------------------------------------------------------------------------------------------------------

function showProblem(box, problem) {
  box.replaceChildren();
  const title = document.createElement('strong');
  title.textContent = problem.title || 'Error';
  box.append(title);
  const detail = document.createElement('p');
  detail.textContent = problem.detail || '';
  box.append(detail);
  const facts = [];
  if (problem.field) facts.push(`field: ${problem.field}`);
  if (problem.gatewayStatus) facts.push(`HTTP ${problem.gatewayStatus}`);
  if (problem.code) facts.push(`code: ${problem.code}`);
  if (problem.reason) facts.push(`reason: ${problem.reason}`);
  if (facts.length) {
    const meta = document.createElement('p');
    meta.className = 'muted';
    meta.textContent = facts.join(' · ');
    box.append(meta);
  }
  if (Array.isArray(problem.details) && problem.details.length) {
    const list = document.createElement('ul');
    for (const item of problem.details) {
      const entry = document.createElement('li');
      entry.textContent = item.path ? `${item.path}: ${item.message}` : item.message;
      list.append(entry);
    }
    box.append(list);
  }
  box.dataset.kind = problem.kind || '';
  box.hidden = false;
}

function clearProblem(box) {
  box.hidden = true;
  box.replaceChildren();
  delete box.dataset.kind;
}

// --- the form -------------------------------------------------------------------------------------------------------

function fillModels() {
  const select = $('model');
  select.replaceChildren(...models.map((model) => new Option(model.name, model.id)));
  select.addEventListener('change', fillModelOptions);
  fillModelOptions();
}

function fillModelOptions() {
  const model = models.find((candidate) => candidate.id === $('model').value);
  const durations = model && model.durations.length ? model.durations : DEFAULT_DURATIONS;
  $('duration').replaceChildren(...durations.map((seconds) => new Option(`${seconds} s`, seconds)));
  const audio = $('audio');
  audio.disabled = !(model && model.audio);
  if (audio.disabled) audio.checked = false;
}

async function submitForm(event) {
  event.preventDefault();
  const formError = $('form-error');
  clearProblem(formError);
  document.querySelectorAll('.invalid').forEach((input) => input.classList.remove('invalid'));
  const button = $('generate');
  button.disabled = true;
  try {
    const job = await api('POST', '/api/jobs', {
      prompt: $('prompt').value,
      model: $('model').value,
      duration: Number($('duration').value),
      aspectRatio: $('aspectRatio').value,
      audio: $('audio').checked,
    });
    upsert(job);
  } catch (problem) {
    showProblem(formError, problem);
    const input = problem.field && $(FORM_FIELDS[problem.field]);
    if (input) {
      input.classList.add('invalid');
      input.focus();
    }
  } finally {
    button.disabled = false;
  }
}

// --- the job list ---------------------------------------------------------------------------------------------------

const STATUS_RANK = {queued: 0, processing: 1};

function merge(previous, next) {
  if (!previous) return next;
  // events may arrive out of order: a job never goes back from a later status, and progress only grows
  const older = previous.terminal || (STATUS_RANK[previous.status] ?? 0) > (STATUS_RANK[next.status] ?? 0);
  const merged = {...previous, ...Object.fromEntries(Object.entries(next).filter(([, value]) => value != null))};
  if (older && !next.terminal) {
    merged.status = previous.status;
    merged.terminal = previous.terminal;
  }
  merged.progress = merged.status === 'completed' ? 100 : Math.max(previous.progress || 0, next.progress || 0);
  return merged;
}

function upsert(view) {
  let entry = jobs.get(view.id);
  if (!entry) {
    const element = $('job-template').content.firstElementChild.cloneNode(true);
    element.dataset.jobId = view.id;
    element.querySelector('.cancel').addEventListener('click', () => act(view.id, 'POST', 'cancel'));
    element.querySelector('.delete').addEventListener('click', () => act(view.id, 'DELETE', ''));
    entry = {view: null, element};
    jobs.set(view.id, entry);
    $('jobs').prepend(element);
    $('no-jobs').hidden = true;
  }
  entry.view = merge(entry.view, view);
  render(entry);
}

function render({view, element}) {
  element.dataset.status = view.status;
  // the gateway's job list carries no prompt: such jobs go by their id
  element.querySelector('.prompt').textContent = view.prompt || view.id;
  element.querySelector('.meta').textContent = [view.model, view.prompt && view.id].filter(Boolean).join(' · ');
  const status = element.querySelector('.status');
  status.textContent = view.status;
  status.className = `status ${view.status}`;
  const progress = element.querySelector('.progress');
  progress.setAttribute('aria-valuenow', String(view.progress));
  progress.querySelector('.bar').style.width = `${view.progress}%`;
  element.querySelector('.progress-text').textContent = view.terminal ? '' : `${view.progress}%`;
  element.querySelector('.job-error').textContent = view.error || '';
  element.querySelector('.cancel').hidden = view.terminal;
  const completed = view.status === 'completed';
  const download = element.querySelector('.download');
  download.hidden = !completed;
  download.href = `/api/jobs/${encodeURIComponent(view.id)}/content?download=true`;
  download.setAttribute('download', `${view.id}.mp4`);
  const player = element.querySelector('.player');
  if (completed && !player.querySelector('video')) {
    const video = document.createElement('video');
    video.controls = true;
    video.muted = true;
    video.playsInline = true;
    video.preload = 'auto';
    video.src = `/api/jobs/${encodeURIComponent(view.id)}/content`;
    player.append(video);
  }
}

async function act(id, method, action) {
  const entry = jobs.get(id);
  const box = entry.element.querySelector('.problem');
  clearProblem(box);
  try {
    const path = `/api/jobs/${encodeURIComponent(id)}` + (action ? `/${action}` : '');
    const result = await api(method, path);
    if (method === 'DELETE') {
      entry.element.remove();
      jobs.delete(id);
      $('no-jobs').hidden = jobs.size > 0;
    } else if (result) {
      upsert(result);
    }
  } catch (problem) {
    showProblem(box, problem);
  }
}

// --- live updates ---------------------------------------------------------------------------------------------------

function listen() {
  const events = new EventSource('/api/events');
  events.addEventListener('job', (message) => {
    const update = JSON.parse(message.data);
    upsert(update.job);
    if (update.job.terminal) {
      // event payloads carry no prompt or error message: read the whole job once it has ended
      api('GET', `/api/jobs/${encodeURIComponent(update.job.id)}`).then(upsert).catch(() => {});
    }
  });
  events.addEventListener('open', () => {
    if (document.body.dataset.live === 'false') {
      // reconnected after a break: catch up on what the page missed
      api('GET', '/api/jobs').then((recent) => recent.forEach(upsert)).catch(() => {});
    }
    document.body.dataset.live = 'true';
  });
  events.addEventListener('error', () => document.body.dataset.live = 'false');
}

async function start() {
  $('create-form').addEventListener('submit', submitForm);
  listen();
  try {
    const [info, catalogue, recent] = await Promise.all(
        [api('GET', '/api/info'), api('GET', '/api/models'), api('GET', '/api/jobs')]);
    $('info').textContent = `Talking to ${info.gateway}; job events arrive by ${info.eventsDescription}.`;
    models = catalogue;
    fillModels();
    recent.slice().reverse().forEach(upsert);
    // nor the reason of a failure: read failed jobs once
    recent.filter((job) => job.status === 'failed' && !job.error).forEach((job) =>
      api('GET', `/api/jobs/${encodeURIComponent(job.id)}`).then(upsert).catch(() => {}));
  } catch (problem) {
    showProblem($('form-error'), problem);
  }
  document.body.dataset.ready = 'true';
}

start();
