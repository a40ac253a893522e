define([], function () {
  return {
    Rubrik: 'Meeting portal',
    Beskrivning: 'Notices, documents and minutes for boards and committees. Public documents are open to everyone; confidential and individual cases are never published.',
    FlikKommande: 'Upcoming meetings',
    FlikTidigare: 'Past meetings',
    FlikAnslagstavla: 'Notice board',
    TomKommande: 'No upcoming meetings',
    TomTidigare: 'No past meetings',
    TomAnslagstavla: 'No notices right now',
    TomText: 'Meetings, notices and minutes appear here when the committee secretary publishes them.',
    KolumnDatum: 'Date',
    KolumnOrgan: 'Body',
    KolumnPlats: 'Place',
    KolumnStatus: 'Status'
  };
});
