// Makes the elements of a MudChart open the category they stand for.
// MudChart reports a click only as the index of the *series*, not of the category, so this finds which category
// (axis label, data point or bar) was clicked and tells .NET its position. The table of categories offers the same
// links to keyboard and screen-reader users.

function radarIndex(root, target) {
    const labels = [...root.querySelectorAll('text.mud-chart-axis-label')];
    const label = target.closest('text.mud-chart-axis-label');
    if (label) {
        return labels.indexOf(label);
    }
    const point = target.closest('circle.mud-chart-series-point');
    if (point && labels.length > 0) {
        // Points are drawn series after series, each with one point per axis.
        return [...root.querySelectorAll('circle.mud-chart-series-point')].indexOf(point) % labels.length;
    }
    return -1;
}

function barIndex(root, target) {
    const centre = el => { const box = el.getBBox(); return Math.round(box.x + box.width / 2); };
    const labels = [...root.querySelectorAll('g.mud-charts-xaxis text')];
    const label = target.closest('g.mud-charts-xaxis text');
    if (label) {
        return labels.indexOf(label);
    }
    const bar = target.closest('path.mud-chart-bar');
    if (bar) {
        // Stacked bars of one category share their x: the n-th distinct x from the left is the n-th category.
        const xs = [...new Set([...root.querySelectorAll('path.mud-chart-bar')].map(centre))].sort((a, b) => a - b);
        return xs.indexOf(centre(bar));
    }
    return -1;
}

export function attach(root, dotNet, kind) {
    if (!root) {
        return null;
    }
    const handler = event => {
        const index = kind === 'radar' ? radarIndex(root, event.target) : barIndex(root, event.target);
        if (index >= 0) {
            dotNet.invokeMethodAsync('OpenCategoryFromChart', index);
        }
    };
    root.addEventListener('click', handler);
    root.classList.add('chart-links');
    return { dispose: () => root.removeEventListener('click', handler) };
}
