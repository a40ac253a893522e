define([], function () {
  return {
    Rubrik: 'E-mail routine',
    Beskrivning: 'Every e-mail in your municipal mailbox is either forwarded to the registrar to be entered in the record or disposed of. Keep the inbox, sent items and deleted items as empty as possible.',
    Inkorg: 'Inbox',
    Skickat: 'Sent items',
    Borttaget: 'Deleted items',
    EjAnslutenRubrik: 'The mailbox is not connected yet',
    EjAnslutenText: 'Handling e-mail through Microsoft Graph comes in the next version. Until then: forward official documents to the registrar and delete the rest in Outlook.',
    RegistratorSaknas: 'No registrar address is set. Ask the site owner to set it in the web part settings.',
    RegistratorAdress: 'Official documents are sent to the registrar: {0}',
    EgenskapsBeskrivning: 'Settings for the e-mail routine',
    GruppRegistrator: 'Registration',
    FaltRegistratorAdress: 'Registrar e-mail address',
    FelEpostadress: 'Enter an e-mail address, for example registrator@kommun.se.'
  };
});
