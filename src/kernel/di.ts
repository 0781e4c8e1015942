// The only module that imports tsyringe: reflect-metadata must be loaded first (toolchain trap 2).
import 'reflect-metadata'
export {container, type DependencyContainer} from 'tsyringe'
