/**
 * Who may do what in the Begraafplaatsen API. The ZGW component list (Autorisaties API) has no
 * code for it, so, as the Logboek API does, its scopes are granted on component `ac` in an
 * Applicatie's autorisaties (`{"component": "ac", "scopes": ["begraafplaatsen.reserveren"]}`);
 * `heeftAlleAutorisaties` grants them all. The Autorisaties API takes any scope names, so no
 * change to it is needed.
 *
 * - `begraafplaatsen.lezen`: read everything (also granted by the two below: whoever reserves
 *   must see slots and graves).
 * - `begraafplaatsen.reserveren`: make, submit (aangevraagd), reschedule, cancel and delete
 *   reservations: an uitvaartondernemer's app.
 * - `begraafplaatsen.beheren`: all of that, and confirm (bevestigd) a reservation: the
 *   municipality's cemetery administration.
 */
export const COMPONENT = 'ac' as const;
export const SCOPE_LEZEN = 'begraafplaatsen.lezen';
export const SCOPE_RESERVEREN = 'begraafplaatsen.reserveren';
export const SCOPE_BEHEREN = 'begraafplaatsen.beheren';

export const LEZEN = [SCOPE_LEZEN, SCOPE_RESERVEREN, SCOPE_BEHEREN];
export const RESERVEREN = [SCOPE_RESERVEREN, SCOPE_BEHEREN];
