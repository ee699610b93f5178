import '@testing-library/jest-dom';

// Rendering tests wait on async loads; 5 s is too little on a loaded 2-core CI machine.
jest.setTimeout(30_000);
