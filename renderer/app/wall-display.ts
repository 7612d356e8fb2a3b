/** 大屏: the hall's wall display is the console's page at ?view=wallboard, showing the wallboard alone. */
export const isWallDisplay = (): boolean => new URLSearchParams(window.location.search).get('view') === 'wallboard';
