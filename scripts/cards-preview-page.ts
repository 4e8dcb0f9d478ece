/**
 * The page and host config the preview renders cards in: Teams' light theme, approximately (Segoe-like
 * system font, Teams purple accent, Teams' text colours).
 */
export const TEAMS_LIGHT_HOST_CONFIG = {
  fontFamily:
    "'Segoe UI', 'Segoe UI Web', system-ui, -apple-system, 'Helvetica Neue', 'DejaVu Sans', sans-serif",
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  fontSizes: { small: 12, default: 14, medium: 16, large: 18, extraLarge: 24 },
  fontWeights: { lighter: 300, default: 400, bolder: 600 },
  imageSizes: { small: 32, medium: 52, large: 100 },
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        good: { default: '#237B4B', subtle: '#3F8F5F' },
        warning: { default: '#8A5A00', subtle: '#A06E12' },
        attention: { default: '#C4314B', subtle: '#D4506A' },
        dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#7F85F5' },
        good: { default: '#237B4B', subtle: '#3F8F5F' },
        warning: { default: '#8A5A00', subtle: '#A06E12' },
        attention: { default: '#C4314B', subtle: '#D4506A' },
        dark: { default: '#242424', subtle: '#616161' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
      },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 16 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  inputs: {
    label: {
      requiredInputs: { weight: 'bolder', suffix: ' *', suffixColor: 'attention' },
      optionalInputs: { weight: 'bolder' },
      inputSpacing: 'small',
    },
    errorMessage: { size: 'small', spacing: 'small', weight: 'default' },
  },
  factSet: {
    title: { weight: 'bolder', size: 'default', color: 'default', wrap: true, maxWidth: 170 },
    value: { weight: 'default', size: 'default', color: 'default', wrap: true },
    spacing: 8,
  },
};

/** Input and button styling the library leaves to the host (Teams draws flat, rounded, purple buttons). */
export const PAGE_CSS = `
  body { margin: 0; padding: 24px; background: #EBEBEB; font-family: ${TEAMS_LIGHT_HOST_CONFIG.fontFamily}; }
  #frame { width: 480px; background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 3px rgba(0,0,0,.18); overflow: hidden; }
  .ac-input { font-family: inherit; font-size: 14px; color: #242424; }
  .ac-textInput, .ac-numberInput, .ac-multichoiceInput.ac-choiceSetInput-compact, select.ac-input, .ac-choiceSetInput-filtered {
    border: 1px solid #D1D1D1; border-bottom-color: #616161; border-radius: 4px; padding: 6px 8px; background: #FFFFFF; box-sizing: border-box;
  }
  textarea.ac-textInput { min-height: 56px; }
  .ac-input.ac-input-validation-failed { border-color: #C4314B; }
  .ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; border-radius: 4px; padding: 6px 16px; min-height: 32px;
    border: 1px solid #D1D1D1; background: #FFFFFF; color: #242424; cursor: pointer; }
  .ac-pushButton.style-positive, .ac-pushButton.primary { background: #5B5FC7; border-color: #5B5FC7; color: #FFFFFF; }
  .ac-actionSet { padding-top: 4px; }
`;
