export const createElement = () => ({ props: {} })
export class Canvas {
  render() {
    return Promise.resolve()
  }
  destroy() {}
}
export const Chart = {}
export const Axis = {}
export const Line = {}
export const Legend = {}
