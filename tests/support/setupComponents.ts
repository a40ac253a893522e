import '@testing-library/jest-dom';
import { initializeIcons } from '@fluentui/react';

// Registers the icon names without fetching the font (no network in tests); Fluent otherwise
// warns once per unknown icon.
initializeIcons('data:,', { disableWarnings: true });
