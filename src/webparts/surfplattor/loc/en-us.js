define([], function () {
  return {
    Rubrik: 'Tablets',
    Beskrivning: 'Tablets lent to members and deputies: check-out with an acknowledged guideline, damage, theft and loss, and return when the mandate ends.',
    TomRubrik: 'No tablets registered',
    TomText: 'Municipal services register each tablet with its theft-marking and serial number. They appear here once registered.'
  };
});
