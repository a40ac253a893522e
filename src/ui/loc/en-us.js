define([], function () {
  return {
    StatusEjPaborjat: 'Not started',
    StatusPagar: 'In progress',
    StatusForsenat: 'Delayed',
    StatusDelvisVerkstallt: 'Partly implemented',
    StatusVerkstallt: 'Implemented',
    StatusForeslasAvskrivas: 'Proposed to be closed',
    ForsenadDagar: 'Delayed {0} days',
    ForsenadIdag: 'Delayed as of today',
    Inaktuell: 'Not updated for {0} days',
    OfflineBanner: 'SharePoint cannot be reached right now. You are seeing the most recently fetched data; changes cannot be saved until the connection is back.',
    SekretessNotis: 'Confidential – do not distribute. The documents in this library are covered by secrecy under the Public Access to Information and Secrecy Act.',
    Kommande: 'Coming in the next version',
    FelRubrik: 'Something went wrong',
    FelOkant: 'An unexpected error occurred. Reload the page; if the error remains, contact the municipality\'s IT support.'
  };
});
