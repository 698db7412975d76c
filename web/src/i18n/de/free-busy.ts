/** German for free/busy: where a meeting's time was chosen without someone's calendar. */
export const templates = {
  'adminMeetings.calendarUnread': 'Zeit ohne Einblick in den Kalender gewählt',
};
