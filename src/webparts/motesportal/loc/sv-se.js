define([], function () {
  return {
    Rubrik: 'Mötesportal',
    Beskrivning: 'Kallelser, handlingar och protokoll för nämnder och utskott. Offentliga handlingar är öppna för alla; sekretess och enskilda ärenden publiceras aldrig.',
    FlikKommande: 'Kommande sammanträden',
    FlikTidigare: 'Tidigare sammanträden',
    FlikAnslagstavla: 'Anslagstavla',
    TomKommande: 'Inga kommande sammanträden',
    TomTidigare: 'Inga tidigare sammanträden',
    TomAnslagstavla: 'Inga anslag just nu',
    TomText: 'När nämndsekreteraren lägger upp sammanträden, kallelser och protokoll visas de här.',
    KolumnDatum: 'Datum',
    KolumnOrgan: 'Organ',
    KolumnPlats: 'Plats',
    KolumnStatus: 'Status'
  };
});
