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

// The overview's figures are markup shared by every circuit, with no .NET component behind each chart: every chart
// lists its categories' ids in chart order (data-categorias), so a click goes straight to the category, and a click on
// a row of the table of categories follows the row's link. One listener on the container serves the markup the
// container gets after a change of vigencia as well.
export function attachLinks(container) {
    if (!container) {
        return null;
    }
    const handler = event => {
        const chart = event.target.closest('figure[data-categorias]');
        if (chart && container.contains(chart)) {
            const index = chart.classList.contains('radar') ? radarIndex(chart, event.target) : barIndex(chart, event.target);
            const ids = chart.dataset.categorias.split(',');
            if (index >= 0 && index < ids.length) {
                Blazor.navigateTo(`/categorias/${ids[index]}`);
            }
            return;
        }
        const row = event.target.closest('tr.clickable-row');
        if (row && container.contains(row) && !event.target.closest('a, button')) {
            row.querySelector('a.category-link')?.click();
        }
    };
    container.addEventListener('click', handler);
    container.classList.add('chart-links');
    return { dispose: () => container.removeEventListener('click', handler) };
}
