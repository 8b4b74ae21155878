// Page paths, in one place (app.config.ts lists the same pages).
export const ROUTES = {
  home: '/pages/index/index',
  login: '/pages/login/index',
  myRooms: '/packages/property/pages/my-rooms/index',
} as const
