// A page load with axe and screenshots takes a few seconds on a 2-core machine; Jest's 5 s default is too short.
jest.setTimeout(90_000);
