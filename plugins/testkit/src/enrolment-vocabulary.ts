/**
 * The words generated enrolments are made of: what staff of a German federal agency offer and
 * want in digital-skills and reverse mentoring, where they sit and what they are called.
 */

/**
 * Digital skills: what young staff offer in reverse mentoring and seniors want to learn. Keys of
 * the skill taxonomy every Tandem starts with (the demo's too; admins edit it), so generated
 * profiles read like real ones; server/test/testkit-skill-keys.test.ts keeps them in step.
 */
export const DIGITAL_SKILLS = Object.freeze([
  'video-meetings',
  'collaboration-tools',
  'e-file',
  'data-literacy',
  'ai-assistants',
  'social-media',
  'it-security',
  'agile-methods',
  'online-services',
  'digital-accessibility',
] as const);

/** Leadership and organisational knowledge: what seniors offer in return. Taxonomy keys too. */
export const ORGANISATION_SKILLS = Object.freeze([
  'leadership',
  'budgeting',
  'public-administration',
  'networking',
  'negotiation',
  'project-management',
  'career-development',
] as const);

/** A skill a generated profile offers or wants. */
export type Skill = (typeof DIGITAL_SKILLS)[number] | (typeof ORGANISATION_SKILLS)[number];

/** The goal someone who wants a skill writes into their enrolment, in German as they would. */
export const GOAL_FOR_SKILL: Readonly<Record<Skill, string>> = Object.freeze({
  'video-meetings': 'Videokonferenzen souverän moderieren',
  'collaboration-tools': 'Gemeinsam in Dokumenten arbeiten statt Mails hin- und herzuschicken',
  'e-file': 'Vorgänge vollständig in der E-Akte bearbeiten',
  'data-literacy': 'Daten lesen, auswerten und als Open Data veröffentlichen',
  'ai-assistants': 'KI-Assistenten sicher und rechtskonform im Alltag nutzen',
  'social-media': 'Verstehen, wie die Behörde in sozialen Medien kommuniziert',
  'it-security': 'Phishing erkennen und sicher mit Passwörtern umgehen',
  'agile-methods': 'Ein Vorhaben mit Kanban-Board und kurzen Zyklen steuern',
  'online-services': 'Einen Antrag als Onlinedienst für Bürgerinnen und Bürger anbieten',
  'digital-accessibility': 'Barrierefreie Dokumente und Formulare erstellen',
  leadership: 'Führungsaufgaben kennenlernen und die eigene Rolle finden',
  budgeting: 'Haushaltsaufstellung und Mittelbewirtschaftung verstehen',
  'public-administration': 'Den Weg eines Gesetzentwurfs durch die Ressortabstimmung kennen',
  networking: 'Länder, Verbände und andere Ressorts früh einbinden',
  negotiation: 'In Abstimmungsrunden gut verhandeln',
  'project-management': 'Veränderungen im Referat als Projekt so einführen, dass alle mitkommen',
  'career-development': 'Die nächsten Schritte der eigenen Laufbahn planen',
});

/** Sites, the first two often: many agencies sit in Berlin and Bonn. */
export const LOCATIONS = Object.freeze([
  'Berlin',
  'Berlin',
  'Berlin',
  'Bonn',
  'Bonn',
  'Köln',
  'Frankfurt am Main',
  'Wiesbaden',
  'Hamburg',
  'München',
  'Leipzig',
] as const);

/** Departments of a federal agency. */
export const DEPARTMENTS = Object.freeze([
  'Zentralabteilung',
  'Personal',
  'Haushalt',
  'Organisation',
  'IT und Digitalisierung',
  'Recht',
  'Presse und Kommunikation',
  'Grundsatzfragen',
  'Statistik',
  'Internationales',
] as const);

/** Job titles of staff early in their career. */
export const JUNIOR_TITLES = Object.freeze([
  'Sachbearbeiterin',
  'Sachbearbeiter',
  'Referentin',
  'Referent',
  'Trainee',
  'Regierungsinspektoranwärterin',
  'IT-Administratorin',
  'Data Scientist',
  'Social-Media-Redakteur',
] as const);

/** Job titles of staff with long experience and leadership roles. */
export const SENIOR_TITLES = Object.freeze([
  'Referatsleiterin',
  'Referatsleiter',
  'Abteilungsleiterin',
  'Abteilungsleiter',
  'Unterabteilungsleiter',
  'Gruppenleiterin',
  'Vizepräsidentin',
  'Ministerialrat',
] as const);

/** Languages besides German and English that some staff can also meet in. */
export const OTHER_LANGUAGES = Object.freeze(['fr', 'es', 'pl', 'tr', 'it'] as const);
