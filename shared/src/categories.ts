/**
 * Who handles a category of matter. Qingdao's six-family table (seeds/001)
 * plus the everyday categories of 青山微邻里.
 */
export const ROUTING_TARGETS = [
  'grid_worker', // the grid worker of the ticket's grid
  'partner', // a partner of the given kind serving the ticket's community (e.g. the estate's property company)
  'community', // the community office's dispatch queue: a committee member dispatches by hand
] as const;
export type RoutingTarget = (typeof ROUTING_TARGETS)[number];

/** A category's label on the choices is at most this many characters (适老化: plain, short words); its full name stays in the details. */
export const CATEGORY_SHORT_NAME_MAX = 6;
