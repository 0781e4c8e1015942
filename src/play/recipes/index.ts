import type {Action} from '../../api/events.js'
import type {Recipe} from '../context.js'
import {cleanRecipe} from './clean.js'
import {pullRecipe} from './pull.js'
import {restartRecipe} from './restart.js'
import {startRecipe} from './start.js'
import {statusRecipe} from './status.js'
import {killRecipe, stopRecipe} from './stop.js'

export const RECIPES: Readonly<Partial<Record<Action, Recipe>>> = {
  status: statusRecipe,
  start: startRecipe,
  stop: stopRecipe,
  kill: killRecipe,
  restart: restartRecipe,
  clean: cleanRecipe,
  pull: pullRecipe,
}
