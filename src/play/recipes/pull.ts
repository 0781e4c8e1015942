import type {Recipe} from '../context.js'
import {pullImage} from '../image.js'

/** pull: log in as `registries:` says and pull the image on the container's ship (once per image and ship). */
export const pullRecipe: Recipe = async (ctx) => {
  await pullImage(ctx)
  return {outcome: 'pulled', id: ctx.observed?.id}
}
