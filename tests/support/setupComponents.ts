import '@testing-library/jest-dom';
import { initializeIcons } from '@fluentui/react';

// Registers the icon names without fetching the font (no network in tests); Fluent otherwise
// warns once per unknown icon.
initializeIcons('data:,', { disableWarnings: true });

// Fluent renders slowly in jsdom; on two busy cores a whole flow can pass 5 s without anything being wrong.
jest.setTimeout(20000);
