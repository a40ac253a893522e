require('@rushstack/eslint-config/patch/modern-module-resolution');

module.exports = {
  extends: ['@microsoft/eslint-config-spfx/lib/profiles/react'],
  parserOptions: { tsconfigRootDir: __dirname },
  overrides: [
    {
      files: ['*.ts', '*.tsx'],
      parser: '@typescript-eslint/parser',
      parserOptions: {
        project: './tsconfig.json',
        ecmaVersion: 2018,
        sourceType: 'module'
      },
      rules: {
        '@typescript-eslint/no-explicit-any': 'error',
        '@typescript-eslint/no-floating-promises': 'error',
        '@typescript-eslint/explicit-function-return-type': ['warn', { allowExpressions: true, allowTypedFunctionExpressions: true }],
        'react/jsx-no-bind': 'off',
        '@rushstack/no-new-null': 'off'
      }
    },
    {
      // The architecture is the direction of imports: domain <- schema <- data <- ui <- parts.
      files: ['src/**/*.ts', 'src/**/*.tsx'],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            { group: ['**/tests/**', '**/emulator/**', '**/workbench/**', '**/publik/**'], message: 'src/ får inte importera test-, emulator-, workbench- eller publik-kod.' }
          ]
        }]
      }
    },
    {
      files: ['src/domain/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            { group: ['react', 'react-dom', '@fluentui/*', '@pnp/*', '@microsoft/*', '../schema/*', '../data/*', '../ui/*'], message: 'Domänregler är ren TypeScript utan React, PnPjs, SPFx eller lager ovanför.' }
          ]
        }]
      }
    },
    {
      files: ['src/schema/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            { group: ['react', 'react-dom', '@fluentui/*', '@pnp/*', '@microsoft/*', '../data/*', '../ui/*'], message: 'Schemat beror bara på domänen.' }
          ]
        }]
      }
    },
    {
      files: ['src/ui/**/*.ts', 'src/ui/**/*.tsx', 'src/data/**/*.ts'],
      rules: {
        'no-restricted-imports': ['error', {
          patterns: [
            { group: ['@microsoft/sp-*', '**/webparts/**', '**/extensions/**'], message: 'Tjänster och delade komponenter är fria från SPFx-klasser; SPFx-kontexten lämnas in från webbdelen.' }
          ]
        }]
      }
    }
  ]
};
