// The committee report's "Imprimir / Guardar como PDF" button: opens the browser's print dialog, whose destinations
// include "Guardar como PDF". A module loaded through JS interop, because the CSP (script-src 'self') forbids inline script.
export function print() {
    window.print();
}
