import type { ProgrammeSummary } from '../modules/programmes/programme-summaries.js';

const STATES: Record<ProgrammeSummary['state'], string> = {
  draft: 'Entwurf · draft',
  enrolment: 'Anmeldung offen · enrolment open',
  matching: 'Matching',
  running: 'läuft · running',
  closed: 'beendet · closed',
};

/** The status page at `/`: that Tandem runs, for which organisation, with which programmes. */
export function renderHomePage(
  version: string,
  organisation: string | undefined,
  programmes: ProgrammeSummary[],
): string {
  const rows = programmes
    .map(
      (p) =>
        `<tr><td>${escapeHtml(p.name)}</td><td>${STATES[p.state]}</td><td>${p.participants}</td></tr>`,
    )
    .join('\n');
  const table = programmes.length
    ? `<table><caption>Programme · Programmes</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Stand · State</th><th scope="col">Teilnehmende · Participants</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : '<p>Noch keine Programme. · No programmes yet.</p>';
  return `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Tandem</title>
</head>
<body>
<h1>Tandem ${escapeHtml(version)}${organisation ? ` · ${escapeHtml(organisation)}` : ''}</h1>
<p>Tandem läuft. Die Weboberfläche folgt; bis dahin zeigt <a href="/health/ready">/health/ready</a> den Zustand.</p>
<p lang="en">Tandem is running. The web interface is on its way; until then <a href="/health/ready">/health/ready</a> shows its state.</p>
<p><a href="/auth/login?returnTo=/api/me">Anmelden · <span lang="en">Sign in</span></a></p>
${table}
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
