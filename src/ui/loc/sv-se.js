define([], function () {
  return {
    StatusEjPaborjat: 'Ej påbörjat',
    StatusPagar: 'Pågår',
    StatusForsenat: 'Försenat',
    StatusDelvisVerkstallt: 'Delvis verkställt',
    StatusVerkstallt: 'Verkställt',
    StatusForeslasAvskrivas: 'Föreslås avskrivas',
    ForsenadDagar: 'Försenat {0} dagar',
    ForsenadIdag: 'Försenat sedan i dag',
    Inaktuell: 'Ej uppdaterat på {0} dagar',
    OfflineBanner: 'SharePoint går inte att nå just nu. Det du ser är senast hämtade uppgifter; ändringar kan inte sparas förrän anslutningen är tillbaka.',
    SekretessNotis: 'Sekretess – får inte spridas. Handlingarna i det här biblioteket omfattas av sekretess enligt offentlighets- och sekretesslagen.',
    Kommande: 'Kommer i nästa version',
    FelRubrik: 'Något gick fel',
    FelOkant: 'Ett oväntat fel inträffade. Ladda om sidan; om felet kvarstår, kontakta kommunens IT-support.'
  };
});
